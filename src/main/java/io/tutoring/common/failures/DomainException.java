package io.tutoring.common.failures;

import java.util.List;

/**
 * A rule of the product said no. Services throw one of the few subclasses (a closed set); they know nothing of HTTP.
 * One mapper per surface turns them into answers: problem+json for {@code /api/**}, an error page for the pages.
 * The message is written for the person or program that made the request: never put internal state or another
 * exception's text into it.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, NotAllowed, Conflict, InvalidInput, Gone, RateLimited, TooLarge, WrongKind {

    /** What kind of no it is; the mappers decide what each kind looks like to a client. */
    public enum Kind {
        /** It does not exist, or the caller may not know that it exists. */
        NOT_FOUND,
        /** The caller lacks the role or the relation the rule asks for. */
        NOT_ALLOWED,
        /** The state of things does not allow it now (already done, a duplicate, nobody to write to). */
        CONFLICT,
        /** The input is malformed or out of bounds. */
        INVALID_INPUT,
        /** It existed, but is used up, withdrawn or expired for good. */
        GONE,
        /** Too many attempts; try again later. */
        RATE_LIMITED,
        /** A declared or stored size is over the limit. */
        TOO_LARGE,
        /** The input names something of the wrong kind (a user without the role, a parent not linked). */
        WRONG_KIND
    }

    private final Kind kind;

    protected DomainException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Per-field reasons, for input errors that name fields; empty otherwise. */
    public List<FieldReason> fields() {
        return List.of();
    }

    /** One rejected field and why. */
    public record FieldReason(String field, String message) {
    }
}
