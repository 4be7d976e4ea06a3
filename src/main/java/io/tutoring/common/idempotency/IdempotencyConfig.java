package io.tutoring.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Idempotency keys, from {@code idempotency.*} (env {@code IDEMPOTENCY_*}). See the README's "Hardening" settings. */
@ConfigMapping(prefix = "idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered: a repeat within this time gets the first answer. */
    @WithDefault("24H")
    Duration ttl();

    /**
     * How long a request may hold its key without finishing before a repeat may run it again (the instance that held
     * it is taken to have died). Longer than any request can take.
     */
    @WithDefault("2M")
    Duration inFlightTimeout();

    /** How often expired keys are deleted (by one instance at a time). */
    @WithDefault("15M")
    Duration purgeEvery();
}
