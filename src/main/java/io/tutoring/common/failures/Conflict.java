package io.tutoring.common.failures;

/** The current state does not allow it (already done, a duplicate, nobody to write to). */
public final class Conflict extends DomainException {

    public Conflict(String message) {
        super(Kind.CONFLICT, message);
    }
}
