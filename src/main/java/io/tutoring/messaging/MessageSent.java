package io.tutoring.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A message was stored. Fired synchronously inside the send transaction, so observers (the notification outbox, live
 * updates) write in that transaction and commit or roll back with the message. Ids and times only.
 */
public record MessageSent(UUID messageId, UUID threadId, UUID parentId, UUID tutorId, UUID studentId,
                          SenderRole role, UUID senderId, Instant createdAt) {

    /** The side that receives the message. */
    public UUID recipientId() {
        return role == SenderRole.PARENT ? tutorId : parentId;
    }
}
