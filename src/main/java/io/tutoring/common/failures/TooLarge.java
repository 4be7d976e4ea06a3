package io.tutoring.common.failures;

/** A declared or stored size is over the configured limit. */
public final class TooLarge extends DomainException {

    public TooLarge(String message) {
        super(Kind.TOO_LARGE, message);
    }
}
