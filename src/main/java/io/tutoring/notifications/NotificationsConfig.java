package io.tutoring.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Notification mail, from {@code notifications.*} (env {@code NOTIFICATIONS_*}; see the README's Notifications). */
@ConfigMapping(prefix = "notifications")
public interface NotificationsConfig {

    /**
     * The batching window: a message is mailed once it has stayed unread this long, and a recipient gets at most one
     * mail per window.
     */
    @WithDefault("PT10M")
    Duration window();

    /** Base URL of the web front end: thread links and the unsubscribe page hang off it. */
    String publicUrl();

    Worker worker();

    Unsubscribe unsubscribe();

    interface Worker {
        /** How often the worker runs on each instance ({@code off}: not on this instance); read by the scheduler. */
        @WithDefault("5s")
        String every();

        /** Recipients mailed per run at most (each in its own transaction). */
        @WithDefault("100")
        int batch();

        /** How long one SMTP send may take before it counts as failed. */
        @WithDefault("PT30S")
        Duration sendTimeout();

        /** Wait after the first SMTP failure; doubles with each further failure, up to {@link #retryMax()}. */
        @WithDefault("PT30S")
        Duration retryFirst();

        @WithDefault("PT1H")
        Duration retryMax();
    }

    interface Unsubscribe {
        /** HMAC key of unsubscribe tokens (32+ characters, the same on every instance); unset: random per start
         * (the prod profile refuses to start without it unless ALLOW_UNSAFE_DEFAULTS, see ProductionSettings). */
        Optional<String> secret();

        /** How long an unsubscribe link works; unset: it does not expire. */
        Optional<Duration> ttl();
    }
}
