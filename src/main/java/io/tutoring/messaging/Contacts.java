package io.tutoring.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tutoring.users.UserRef;

import java.util.List;

/** Who the caller can start a thread with, per student. */
public final class Contacts {

    private Contacts() {
    }

    /** For a parent: a linked student and the tutors the student is enrolled with. */
    @RegisterForReflection
    public record ForParent(UserRef student, List<UserRef> tutors) {
    }

    /** For a tutor: a student they teach and the student's linked parents. */
    @RegisterForReflection
    public record ForTutor(UserRef student, List<UserRef> parents) {
    }
}
