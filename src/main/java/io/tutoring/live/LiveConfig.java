package io.tutoring.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Live updates, from {@code live.*} (env {@code LIVE_*}). See the README's "Live updates". */
@ConfigMapping(prefix = "live")
public interface LiveConfig {

    /** Runs the LISTEN connection of this instance (off: streams stay open but carry only keep-alives). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The JDBC URL of the LISTEN connection when it must differ from the datasource's (the pool goes through PgBouncer
     * in transaction mode, where LISTEN does not work): unset, the listener uses {@code quarkus.datasource.jdbc.url}.
     */
    Optional<String> listenUrl();

    /** How often an idle stream gets a keep-alive comment; at most 30 s so that proxies keep it open. */
    @WithDefault("25S")
    Duration keepAlive();

    /** How long events are kept for replay (Last-Event-ID, a reconnected listener); older ones are pruned. */
    @WithDefault("24H")
    Duration retention();

    /** How often the prune job runs (a Quarkus scheduler interval such as {@code 1h}, or {@code off}). */
    @WithDefault("1h")
    String pruneEvery();

    /** Most events replayed to one reconnecting client; a client further behind reloads its page. */
    @WithDefault("1000")
    int replayLimit();

    /** How long the listener waits on its connection for notifications before it checks it is still wanted. */
    @WithDefault("500MS")
    Duration pollTimeout();

    Reconnect reconnect();

    /** The listener's reconnect policy: exponential backoff between these bounds, forever. */
    interface Reconnect {
        @WithDefault("100MS")
        Duration initialDelay();

        @WithDefault("5S")
        Duration maxDelay();
    }
}
