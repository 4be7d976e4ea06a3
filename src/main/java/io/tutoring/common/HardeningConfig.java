package io.tutoring.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Limits the HTTP layer enforces before the application runs, and the answer while the database is unreachable,
 * from {@code hardening.*} (application.properties, "Hardening" block; env {@code HTTP_MAX_URI},
 * {@code HTTP_MAX_HEADERS}, {@code DB_RETRY_AFTER}).
 */
@ConfigMapping(prefix = "hardening")
public interface HardeningConfig {

    /** The longest request target (path and query) answered; longer ones get 414. */
    @WithDefault("4096")
    int maxUriLength();

    /** The largest sum of header names and values answered; larger ones get 431. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();

    /** What a 503 answers in {@code Retry-After} while the database is unreachable. */
    @WithDefault("5S")
    Duration databaseRetryAfter();
}
