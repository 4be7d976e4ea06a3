package io.tutoring.papertrail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.messaging.ChainHash;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.UUID;

/**
 * Checks a JSON export with nothing but the export: each message's {@code prevHash} is the hash before it (the
 * first one's is SHA-256 of the thread id), each {@code hash} is SHA-256 over it and the message's canonical form,
 * and {@code chainHead} is the last hash. The same steps as the jq recipe of docs/paper-trail.md.
 */
@ApplicationScoped
public class ExportVerifier {

    /** The answer of {@code POST /api/exports/verify}; {@code firstBrokenIndex} only when not valid. */
    @RegisterForReflection
    public record Verification(boolean valid, int messages,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer firstBrokenIndex,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String chainHead) {
    }

    public Verification verify(JsonNode export) {
        if (export == null || !export.isObject() || !export.path("messages").isArray()
                || !export.path("thread").isObject()) {
            throw new InvalidInput("The body must be a JSON export of a thread: an object with thread and messages");
        }
        JsonNode thread = export.path("thread");
        UUID threadId = uuid(thread.path("id"));
        UUID parent = uuid(thread.path("parent").path("id"));
        UUID tutor = uuid(thread.path("tutor").path("id"));
        UUID student = uuid(thread.path("student").path("id"));
        if (threadId == null || parent == null || tutor == null || student == null) {
            throw new InvalidInput("thread.id, thread.parent.id, thread.tutor.id and thread.student.id must be ids");
        }
        JsonNode messages = export.path("messages");
        byte[] prev = ChainHash.genesis(threadId);
        for (int i = 0; i < messages.size(); i++) {
            byte[] hash = check(messages.get(i), prev, threadId, parent, tutor, student);
            if (hash == null) {
                return new Verification(false, messages.size(), i, null);
            }
            prev = hash;
        }
        String head = ChainHash.hex(prev);
        if (!head.equals(export.path("chainHead").asText())) {
            // The messages chain, but the head the export states is not their last hash: the last one is in doubt.
            return new Verification(false, messages.size(), Math.max(0, messages.size() - 1), head);
        }
        return new Verification(true, messages.size(), null, head);
    }

    /** The message's hash if it chains from {@code prev} and its hash is right; null where anything is off. */
    private static byte[] check(JsonNode m, byte[] prev, UUID threadId, UUID parent, UUID tutor, UUID student) {
        try {
            if (!ChainHash.hex(prev).equals(m.path("prevHash").asText())) {
                return null;
            }
            JsonNode a = m.path("attachment");
            boolean hasAttachment = a.isObject();
            String sha = hasAttachment && a.path("sha256").isTextual() ? a.path("sha256").asText() : null;
            if (!m.path("message").isTextual() || !m.path("role").isTextual() || !m.path("ackRequested").isBoolean()) {
                return null;
            }
            ChainHash.Fields fields = new ChainHash.Fields(threadId, uuid(m.path("id")), parent, tutor, student,
                    m.path("role").asText(), uuid(m.path("senderId")),
                    ChainHash.parseTime(m.path("createdAt").asText()), m.path("ackRequested").asBoolean(),
                    hasAttachment ? uuid(a.path("id")) : null, sha == null ? null : ChainHash.unhex(sha),
                    m.path("message").asText());
            if (fields.messageId() == null || fields.senderId() == null || (hasAttachment && fields.attachmentId() == null)) {
                return null;
            }
            byte[] hash = ChainHash.hash(prev, fields);
            return Arrays.equals(hash, ChainHash.unhex(m.path("hash").asText())) ? hash : null;
        } catch (RuntimeException e) {
            return null; // a time, an id or a hash that does not parse: this message is broken
        }
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(node.asText());
            return id.toString().equals(node.asText()) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
