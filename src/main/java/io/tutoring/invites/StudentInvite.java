package io.tutoring.invites;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A parent's invite to a student, by email and/or E.164 phone; the student confirms or declines it. */
@Entity
@Table(name = "student_invite")
public class StudentInvite extends PanacheEntityBase {

    public enum Status { PENDING, CONFIRMED, DECLINED, REVOKED }

    @Id
    public UUID id;

    @Column(name = "parent_id", nullable = false)
    public UUID parentId;

    @Column(name = "student_email")
    public String studentEmail;

    @Column(name = "student_phone")
    public String studentPhone;

    @Column(nullable = false)
    public String status;

    @Column(name = "student_id")
    public UUID studentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** True when the invite was addressed to this email (lower-cased) or E.164 phone. */
    boolean addressedTo(InviteeAddress address) {
        return (studentEmail != null && studentEmail.equals(address.email()))
                || (studentPhone != null && studentPhone.equals(address.phone()));
    }
}
