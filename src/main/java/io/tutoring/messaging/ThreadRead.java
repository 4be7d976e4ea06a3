package io.tutoring.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Opening a thread stamped {@code stamped} of the other side's messages read at {@code readAt}. Fired right after
 * the stamp (opening a thread runs without a transaction, see {@link MessagingService#open}); not fired when
 * nothing was unread.
 */
public record ThreadRead(UUID threadId, UUID parentId, UUID tutorId, UUID studentId, SenderRole reader,
                         Instant readAt, int stamped) {
}
