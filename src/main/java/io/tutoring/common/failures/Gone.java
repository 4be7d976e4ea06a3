package io.tutoring.common.failures;

/** It existed but is used up, withdrawn or expired for good (an invite link, say). */
public final class Gone extends DomainException {

    public Gone(String message) {
        super(Kind.GONE, message);
    }
}
