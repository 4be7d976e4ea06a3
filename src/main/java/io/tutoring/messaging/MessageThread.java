package io.tutoring.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The conversation of one (parent, tutor, student). */
@Entity
@Table(name = "thread")
public class MessageThread extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "parent_id", nullable = false)
    public UUID parentId;

    @Column(name = "tutor_id", nullable = false)
    public UUID tutorId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_message_id")
    public UUID lastMessageId;

    @Column(name = "last_message_at", nullable = false)
    public Instant lastMessageAt;

    /** The tutor's own state: never shown to the parent. */
    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "snoozed_until")
    public Instant snoozedUntil;
}
