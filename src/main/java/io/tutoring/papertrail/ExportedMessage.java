package io.tutoring.papertrail;

import io.tutoring.messaging.ChainHash;

import java.time.Instant;
import java.util.UUID;

/** A message as an export shows it: its place in the chain, its facts, what happened to it since, its hashes. */
record ExportedMessage(int index, UUID id, String role, UUID senderId, String text, Instant createdAt,
                       Instant readAt, boolean ackRequested, Instant ackedAt, Attachment attachment,
                       byte[] prevHash, byte[] hash) {

    /** The attached file: name, type, size and the SHA-256 of its bytes (null if attached before hashing began). */
    record Attachment(UUID id, String fileName, String contentType, long size, byte[] sha256) {
    }

    ChainHash.Fields fields(PaperTrailQueries.Header thread) {
        return new ChainHash.Fields(thread.threadId(), id, thread.parent().id(), thread.tutor().id(),
                thread.student().id(), role, senderId, createdAt, ackRequested,
                attachment == null ? null : attachment.id(), attachment == null ? null : attachment.sha256(), text);
    }
}
