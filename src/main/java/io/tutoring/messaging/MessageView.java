package io.tutoring.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as the API shows it; {@code readAt} is when the other side opened it, {@code ackRequested} whether the
 * sender asked the other side to acknowledge it and {@code ackedAt} when they did (the paper trail).
 */
@RegisterForReflection
public record MessageView(UUID id, UUID threadId, UUID parentId, UUID tutorId, UUID studentId, SenderRole role,
                          String message,
                          @JsonInclude(JsonInclude.Include.NON_NULL) AttachmentView attachment,
                          Instant createdAt, Instant readAt, boolean ackRequested, Instant ackedAt) {

    /** The file attached to a message: where to fetch it and what it is. */
    @RegisterForReflection
    public record AttachmentView(String url, String fileName, String contentType, long size) {

        /** The API path of attachments; an attachment's {@code url} (a send's {@code attachmentUrl}) is it + the id. */
        public static final String PATH = "/api/attachments/";

        public static AttachmentView of(UUID id, String fileName, String contentType, long size) {
            return new AttachmentView(PATH + id, fileName, contentType, size);
        }
    }
}
