package io.tutoring.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The cache of verified bearer tokens ({@link TokenCache}), from {@code tokens.cache.*} (env
 * {@code TOKENS_CACHE_ENABLED}, {@code TOKENS_CACHE_MAX_AGE}, {@code TOKENS_CACHE_MAX_SIZE}).
 */
@ConfigMapping(prefix = "tokens.cache")
public interface TokenCacheConfig {

    /** Off: every request's token is verified in full, as without the cache. */
    @WithDefault("true")
    boolean enabled();

    /** The longest a verified token is answered from memory (never past its {@code exp}); zero turns the cache off. */
    @WithDefault("PT60S")
    Duration maxAge();

    /** The most tokens kept at once. */
    @WithDefault("10000")
    int maxSize();
}
