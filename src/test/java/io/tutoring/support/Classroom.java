package io.tutoring.support;

import java.util.ArrayList;
import java.util.List;

import static io.tutoring.support.Api.enroll;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;

/** One tutor with several families: in each, a parent linked to a student whom the tutor teaches. */
public record Classroom(Person admin, Person tutor, List<Family> families) {

    public static Classroom of(int size) {
        Person admin = Api.admin();
        Person tutor = newUser("Tutor", "TUTOR");
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            families.add(join(admin, tutor, newUser("Parent " + i, "PARENT")));
        }
        return new Classroom(admin, tutor, List.copyOf(families));
    }

    /** A new student of this tutor, linked to {@code parent}: a second child, or a first one. */
    public static Family join(Person admin, Person tutor, Person parent) {
        Person student = newUser("Student", "STUDENT");
        enroll(admin, student, tutor);
        link(admin, parent, student);
        return new Family(admin, parent, student, tutor);
    }

    public Family family(int i) {
        return families.get(i);
    }

    /** Each family's parent writes a first message, in order; the thread ids in the same order. */
    public List<String> parentsWrite() {
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            threads.add(Api.sendOk(family(i).parent(), tutor, family(i).student(), "Hello " + i));
        }
        return threads;
    }
}
