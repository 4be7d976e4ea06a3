package io.tutoring.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.tutoring.users.UserRef;

import java.time.Instant;
import java.util.UUID;

/**
 * A thread in a list. {@code unreadCount} counts the other side's messages the caller has not opened;
 * {@code pinned} and {@code snoozedUntil} are the tutor's own state and are left out for everyone else.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadView(UUID threadId, UserRef parent, UserRef tutor, UserRef student, LastMessage lastMessage,
                         Long unreadCount, Boolean pinned, Instant snoozedUntil,
                         @com.fasterxml.jackson.annotation.JsonIgnore Instant lastActivityAt) {

    /** The newest message of a thread, enough for a list row. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LastMessage(UUID id, SenderRole role, String message, MessageView.AttachmentView attachment,
                              Instant createdAt, Instant readAt) {
    }
}
