package io.tutoring.messaging;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The body of {@code POST /api/parent/messages}. The text's length is checked after trimming, in the service. */
public record SendMessageRequest(@NotNull UUID tutorId, @NotNull UUID studentId, @NotNull String message,
                                 String attachmentUrl, UUID parentId) {
}
