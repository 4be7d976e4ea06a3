package io.tutoring.enrollments;

import io.tutoring.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The statements of enrollments. An enrollment is a plain pair with no behaviour of its own, so it is written with
 * SQL (an idempotent insert, a delete) rather than a composite-key entity.
 */
@ApplicationScoped
public class EnrollmentQueries {

    private static final String EXISTS = "select 1 from enrollment where student_id = :s and tutor_id = :t";

    private static final String INSERT = """
            insert into enrollment (student_id, tutor_id) values (:s, :t) on conflict do nothing""";

    private static final String DELETE = "delete from enrollment where student_id = :s and tutor_id = :t";

    /** The start or end of an enrollment, for the family timeline (the paper trail). */
    private static final String EVENT = """
            insert into enrollment_event (id, student_id, tutor_id, action, actor_id, at)
            values (:id, :s, :t, :action, :actor, now())""";

    private final Sql sql;

    public EnrollmentQueries(Sql sql) {
        this.sql = sql;
    }

    boolean exists(UUID studentId, UUID tutorId) {
        return sql.query(EXISTS).bind("s", studentId).bind("t", tutorId).first(rs -> Boolean.TRUE).isPresent();
    }

    /** False when the enrollment existed already. */
    boolean insert(UUID studentId, UUID tutorId) {
        return sql.query(INSERT).bind("s", studentId).bind("t", tutorId).update() > 0;
    }

    void recordEvent(UUID studentId, UUID tutorId, String action, UUID actorId) {
        sql.query(EVENT).bind("id", UUID.randomUUID()).bind("s", studentId).bind("t", tutorId).bind("action", action)
                .bind("actor", actorId).update();
    }

    /** False when there was none. */
    boolean delete(UUID studentId, UUID tutorId) {
        return sql.query(DELETE).bind("s", studentId).bind("t", tutorId).update() > 0;
    }
}
