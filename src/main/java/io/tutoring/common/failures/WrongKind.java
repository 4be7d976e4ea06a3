package io.tutoring.common.failures;

/** The input names something of the wrong kind: a user without the role, a parent not linked. */
public final class WrongKind extends DomainException {

    public WrongKind(String message) {
        super(Kind.WRONG_KIND, message);
    }
}
