package io.tutoring.enrollments;

import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Which tutor teaches which student. */
@ApplicationScoped
public class Enrollments {

    private final EnrollmentQueries queries;
    private final UserDirectory users;

    public Enrollments(EnrollmentQueries queries, UserDirectory users) {
        this.queries = queries;
        this.users = users;
    }

    public boolean exists(UUID studentId, UUID tutorId) {
        return queries.exists(studentId, tutorId);
    }

    /** Enrolls; idempotent. Both users must exist and hold the matching roles. */
    @Transactional
    public void enroll(UUID studentId, UUID tutorId) {
        enroll(studentId, tutorId, null);
    }

    /** Enrolls on {@code actorId}'s behalf; a new enrollment's start goes into the family timeline. */
    @Transactional
    public void enroll(UUID studentId, UUID tutorId, UUID actorId) {
        users.requireWithRole(studentId, Role.STUDENT);
        users.requireWithRole(tutorId, Role.TUTOR);
        if (queries.insert(studentId, tutorId)) {
            queries.recordEvent(studentId, tutorId, "STARTED", actorId);
        }
    }

    /** Ends an enrollment; false if there was none. Threads and messages stay. */
    @Transactional
    public boolean end(UUID studentId, UUID tutorId) {
        return end(studentId, tutorId, null);
    }

    /** Ends an enrollment on {@code actorId}'s behalf (recorded for the family timeline); false if there was none. */
    @Transactional
    public boolean end(UUID studentId, UUID tutorId, UUID actorId) {
        boolean ended = queries.delete(studentId, tutorId);
        if (ended) {
            queries.recordEvent(studentId, tutorId, "ENDED", actorId);
        }
        return ended;
    }
}
