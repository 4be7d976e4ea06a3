package io.tutoring.support;

import static io.tutoring.support.Api.enroll;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;

/** The usual cast: a parent linked to a student who is enrolled with a tutor. */
public record Family(Person admin, Person parent, Person student, Person tutor) {

    public static Family create() {
        Person admin = Api.admin();
        Person parent = newUser("Parent", "PARENT");
        Person student = newUser("Student", "STUDENT");
        Person tutor = newUser("Tutor", "TUTOR");
        enroll(admin, student, tutor);
        link(admin, parent, student);
        return new Family(admin, parent, student, tutor);
    }
}
