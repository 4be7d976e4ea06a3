package io.tutoring.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The recipient of a message that asked for it acknowledged it ({@code by} is their side). Fired synchronously
 * inside the acknowledging transaction, for observers such as live updates. Ids and times only.
 */
public record MessageAcked(UUID messageId, UUID threadId, UUID parentId, UUID tutorId, UUID studentId,
                           SenderRole by, UUID ackedBy, Instant ackedAt) {
}
