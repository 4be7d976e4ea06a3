package io.tutoring.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One admin read of a thread: who, which thread, what, when. */
@Entity
@Table(name = "admin_audit")
public class AdminAudit extends PanacheEntityBase {

    public static final String READ_MESSAGES = "READ_MESSAGES";
    public static final String READ_ATTACHMENT = "READ_ATTACHMENT";
    /** An export of the whole thread (the paper trail). */
    public static final String EXPORT = "EXPORT";

    @Id
    public UUID id;

    @Column(name = "admin_id", nullable = false)
    public UUID adminId;

    @Column(name = "thread_id", nullable = false)
    public UUID threadId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public Instant at;
}
