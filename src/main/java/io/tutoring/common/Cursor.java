package io.tutoring.common;

import io.tutoring.common.failures.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort key of the last row of a page. Clients pass it back unchanged; anything that
 * does not decode is an {@link InvalidInput}. {@code flag} carries a leading boolean sort key (a tutor's pinned
 * threads), unused elsewhere. {@code snapshot}, when set, is the moment whose ordering a series of pages keeps (thread lists: see
 * {@code docs/inbox.md}); other lists leave it null.
 */
public record Cursor(boolean flag, Instant at, UUID id, Instant snapshot) {

    public Cursor(boolean flag, Instant at, UUID id) {
        this(flag, at, id, null);
    }

    /** Keys outside these bounds were never issued (and some would not even bind as a PostgreSQL timestamp). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public String encode() {
        String raw = (flag ? "1" : "0") + "|" + at.getEpochSecond() + "|" + at.getNano() + "|" + id;
        if (snapshot != null) {
            raw += "|" + snapshot.getEpochSecond() + "|" + snapshot.getNano();
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            if ((parts.length != 4 && parts.length != 6) || !(parts[0].equals("0") || parts[0].equals("1"))) {
                throw new IllegalArgumentException();
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new IllegalArgumentException();
            }
            Instant snapshot = parts.length == 6
                    ? Instant.ofEpochSecond(Long.parseLong(parts[4]), Long.parseLong(parts[5])) : null;
            if (snapshot != null && (snapshot.isBefore(EARLIEST) || snapshot.isAfter(LATEST))) {
                throw new IllegalArgumentException();
            }
            return new Cursor(parts[0].equals("1"), at, UUID.fromString(parts[3]), snapshot);
        } catch (RuntimeException e) {
            throw new InvalidInput(name + " is not a cursor this service issued");
        }
    }
}
