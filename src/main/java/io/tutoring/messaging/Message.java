package io.tutoring.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A ParentTutorMessage: one message of a thread; parent, tutor and student are the thread's. */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "thread_id", nullable = false)
    public UUID threadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "sender_role", nullable = false)
    public SenderRole senderRole;

    @Column(name = "sender_id", nullable = false)
    public UUID senderId;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    /** The attachment, if any (an {@code io.tutoring.attachments.Attachment}, unique per message). */
    @Column(name = "attachment_id")
    public UUID attachmentId;
}
