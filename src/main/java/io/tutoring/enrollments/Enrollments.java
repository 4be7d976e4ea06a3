package io.tutoring.enrollments;

import io.tutoring.common.Sql;
import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Which tutor teaches which student. The table is a plain pair with no behaviour of its own, so it is kept with
 * SQL rather than a composite-key entity.
 */
@ApplicationScoped
public class Enrollments {

    private final EntityManager em;
    private final Sql sql;
    private final UserDirectory users;

    public Enrollments(EntityManager em, Sql sql, UserDirectory users) {
        this.em = em;
        this.sql = sql;
        this.users = users;
    }

    /** Plain JDBC, as every send asks it (see {@link Sql}). */
    public boolean exists(UUID studentId, UUID tutorId) {
        return sql.query("select 1 from enrollment where student_id = :s and tutor_id = :t")
                .bind("s", studentId).bind("t", tutorId)
                .first(rs -> Boolean.TRUE).isPresent();
    }

    /** Enrolls; idempotent. Both users must exist and hold the matching roles. */
    @Transactional
    public void enroll(UUID studentId, UUID tutorId) {
        users.requireWithRole(studentId, Role.STUDENT);
        users.requireWithRole(tutorId, Role.TUTOR);
        em.createNativeQuery("insert into enrollment (student_id, tutor_id) values (:s, :t) on conflict do nothing")
                .setParameter("s", studentId).setParameter("t", tutorId)
                .executeUpdate();
    }

    /** Ends an enrollment; false if there was none. Threads and messages stay. */
    @Transactional
    public boolean end(UUID studentId, UUID tutorId) {
        return em.createNativeQuery("delete from enrollment where student_id = :s and tutor_id = :t")
                .setParameter("s", studentId).setParameter("t", tutorId)
                .executeUpdate() > 0;
    }

}
