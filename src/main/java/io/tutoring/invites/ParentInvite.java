package io.tutoring.invites;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A student's invite to a parent, sent as a magic link by email. Only the token's SHA-256 is stored. */
@Entity
@Table(name = "parent_invite")
public class ParentInvite extends PanacheEntityBase {

    /** EXPIRED is written only when a new invite replaces an expired one; otherwise it is read from expiresAt. */
    public enum Status { PENDING, EXPIRED, ACCEPTED, REVOKED }

    @Id
    public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "parent_email", nullable = false)
    public String parentEmail;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(nullable = false)
    public String status;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The status as clients see it: a pending invite past its expiry is EXPIRED. */
    Status effectiveStatus(Instant now) {
        Status s = Status.valueOf(status);
        return s == Status.PENDING && !expiresAt.isAfter(now) ? Status.EXPIRED : s;
    }
}
