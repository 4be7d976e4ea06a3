package io.tutoring.common.failures;

import java.time.Duration;

/** Too many attempts in a window; {@link #retryAfter()} says when trying again can succeed. */
public final class RateLimited extends DomainException {

    private final Duration retryAfter;

    public RateLimited(String message, Duration retryAfter) {
        super(Kind.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
