package io.tutoring.common;

import io.tutoring.common.failures.InvalidInput;

import java.util.UUID;

/** Parses ids that arrive as path or query strings, so that a malformed one is a 400 and never a 404 or 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(name + " is required");
        }
        try {
            UUID id = UUID.fromString(value.trim());
            if (!id.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(name + " must be a UUID, got '" + abbreviate(value) + "'");
        }
    }

    public static UUID parseOptional(String value, String name) {
        return value == null || value.isBlank() ? null : parse(value, name);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
