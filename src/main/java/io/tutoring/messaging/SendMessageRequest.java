package io.tutoring.messaging;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/**
 * The body of {@code POST /api/parent/messages}. The text's length is checked after trimming, in the service.
 * {@code requestAck: true} asks the other side to acknowledge the message explicitly (the paper trail).
 */
public record SendMessageRequest(@NotNull UUID tutorId, @NotNull UUID studentId, @NotNull String message,
                                 String attachmentUrl, UUID parentId, Boolean requestAck) {

    public SendMessageRequest(UUID tutorId, UUID studentId, String message, String attachmentUrl, UUID parentId) {
        this(tutorId, studentId, message, attachmentUrl, parentId, null);
    }

    public boolean ackRequested() {
        return Boolean.TRUE.equals(requestAck);
    }
}
