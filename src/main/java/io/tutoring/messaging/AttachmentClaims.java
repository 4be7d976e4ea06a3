package io.tutoring.messaging;

import io.tutoring.users.Caller;

import java.util.UUID;

/**
 * The port through which a send claims an uploaded file for its message. Messaging owns it and the attachments
 * feature implements it, so that messaging never depends on attachments. Called inside the send's transaction; a
 * file that may not be attached fails with a domain exception that says why.
 */
public interface AttachmentClaims {

    /**
     * A claimed file: its id (for {@code message.attachment_id}), how the message shows it and the SHA-256 of its
     * stored bytes (for the hash chain).
     */
    record Claimed(UUID id, MessageView.AttachmentView view, byte[] sha256) {
    }

    /** Claims the caller's upload named by {@code attachmentUrl} for the message being sent. */
    Claimed claim(Caller caller, String attachmentUrl);
}
