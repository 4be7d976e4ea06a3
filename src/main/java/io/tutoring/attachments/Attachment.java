package io.tutoring.attachments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tutoring.messaging.MessageView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A file issued to its owner for upload and, once {@code attachedAt} is set, part of exactly one message (the
 * message points at it through {@code message.attachment_id}).
 */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {

    /** The path clients use for an attachment; {@code attachmentUrl} is this path with the id. */
    public static final String PATH = MessageView.AttachmentView.PATH;

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    /** Already sanitized: safe to show and to put into a Content-Disposition. */
    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    /** The declared size; on attach the stored object must have exactly this size. */
    @Column(nullable = false)
    public long size;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "upload_expires_at", nullable = false)
    public Instant uploadExpiresAt;

    @Column(name = "attached_at")
    public Instant attachedAt;

    /** The SHA-256 of the stored bytes, taken when a message claims the file (the paper trail hashes it). */
    @Column(name = "sha256")
    public byte[] sha256;

    public String url() {
        return PATH + id;
    }

    public String uploadKey() {
        return uploadKey(id);
    }

    public String storedKey() {
        return storedKey(id);
    }

    public MessageView.AttachmentView view() {
        return MessageView.AttachmentView.of(id, fileName, contentType, size);
    }

    /** Where the bytes are while the upload is pending: the only key a presigned upload URL is issued for. */
    static String uploadKey(UUID id) {
        return "uploads/" + id;
    }

    /** Where the checked bytes live once attached; no upload URL is ever issued for this key. */
    static String storedKey(UUID id) {
        return "attachments/" + id;
    }
}
