package io.tutoring.common.failures;

/** The caller lacks the role or the relation that the rule asks for. */
public final class NotAllowed extends DomainException {

    public NotAllowed(String message) {
        super(Kind.NOT_ALLOWED, message);
    }
}
