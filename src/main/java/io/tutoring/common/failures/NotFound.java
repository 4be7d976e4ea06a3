package io.tutoring.common.failures;

/** It does not exist, or the caller may not know that it exists (answered alike). */
public final class NotFound extends DomainException {

    public NotFound(String message) {
        super(Kind.NOT_FOUND, message);
    }
}
