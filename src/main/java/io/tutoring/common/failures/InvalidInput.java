package io.tutoring.common.failures;

import java.util.List;

/** The input is malformed or out of bounds; optionally, which fields and why. */
public final class InvalidInput extends DomainException {

    private final List<FieldReason> fields;

    public InvalidInput(String message) {
        this(message, List.of());
    }

    public InvalidInput(String message, List<FieldReason> fields) {
        super(Kind.INVALID_INPUT, message);
        this.fields = List.copyOf(fields);
    }

    /** One field is wrong: the message names it, and {@link #fields()} carries it for clients that show it. */
    public static InvalidInput field(String field, String message) {
        return new InvalidInput(field + ": " + message, List.of(new FieldReason(field, message)));
    }

    @Override
    public List<FieldReason> fields() {
        return fields;
    }
}
