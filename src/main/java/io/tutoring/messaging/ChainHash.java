package io.tutoring.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash chain of a thread's messages (docs/paper-trail.md, "The canonical form"). Each message stores
 * {@code hash = SHA-256(hex(prevHash) "\n" canonical(message))}; the first message of a thread chains from
 * {@code SHA-256(threadId)}. Everything here is plain text in UTF-8 so that {@code jq} and {@code sha256sum} can
 * recompute it from a JSON export without this service. Pure functions: the send path, the backfill migration,
 * the export and the verifier all use this one class.
 */
public final class ChainHash {

    /** The first line of every canonical form; a new form would get a new version. */
    public static final String VERSION = "tutoring-paper-trail/1";

    /** Times in the canonical form: UTC, always six fractional digits (PostgreSQL keeps microseconds). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Written where a message has no attachment, or an attachment whose bytes were never hashed. */
    public static final String NONE = "-";

    private ChainHash() {
    }

    /** The facts of a message that its hash covers; what changes later (read, acknowledged) is not among them. */
    public record Fields(UUID threadId, UUID messageId, UUID parentId, UUID tutorId, UUID studentId,
                         String role, UUID senderId, Instant createdAt, boolean ackRequested, UUID attachmentId,
                         byte[] attachmentSha256, String text) {
    }

    /** Where the chain of a thread starts: the SHA-256 of the thread id's 36 lower-case characters. */
    public static byte[] genesis(UUID threadId) {
        return sha256(threadId.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The hash of a message that follows {@code prevHash}. */
    public static byte[] hash(byte[] prevHash, Fields message) {
        return sha256(input(prevHash, message).getBytes(StandardCharsets.UTF_8));
    }

    /** The exact text whose UTF-8 bytes are hashed: the previous hash in hex, a newline, the canonical form. */
    public static String input(byte[] prevHash, Fields message) {
        return hex(prevHash) + "\n" + canonical(message);
    }

    /**
     * The canonical form of a message: one {@code name:value} line per fact in this order, the text last after
     * its length in UTF-8 bytes, no newline after the text.
     */
    public static String canonical(Fields m) {
        String text = m.text();
        return VERSION + "\n"
                + "thread:" + m.threadId() + "\n"
                + "message:" + m.messageId() + "\n"
                + "parent:" + m.parentId() + "\n"
                + "tutor:" + m.tutorId() + "\n"
                + "student:" + m.studentId() + "\n"
                + "role:" + m.role() + "\n"
                + "sender:" + m.senderId() + "\n"
                + "created:" + time(m.createdAt()) + "\n"
                + "ack-requested:" + m.ackRequested() + "\n"
                + "attachment:" + (m.attachmentId() == null ? NONE : m.attachmentId().toString()) + "\n"
                + "attachment-sha256:" + (m.attachmentSha256() == null ? NONE : hex(m.attachmentSha256())) + "\n"
                + "text:" + text.getBytes(StandardCharsets.UTF_8).length + "\n"
                + text;
    }

    /** A time as the canonical form (and the export) writes it, e.g. {@code 2026-03-02T16:05:11.204000Z}. */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    public static Instant parseTime(String text) {
        return Instant.from(TIME.parse(text));
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }
}
