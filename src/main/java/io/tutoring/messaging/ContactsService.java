package io.tutoring.messaging;

import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/** Who a parent or tutor can write to: one statement each, grouped by student here. */
@ApplicationScoped
public class ContactsService {

    private final ThreadQueries queries;

    public ContactsService(ThreadQueries queries) {
        this.queries = queries;
    }

    public List<Contacts.ForParent> forParent(UUID parentId) {
        return grouped(queries.contactsOfParent(parentId), Contacts.ForParent::new);
    }

    public List<Contacts.ForTutor> forTutor(UUID tutorId) {
        return grouped(queries.contactsOfTutor(tutorId), Contacts.ForTutor::new);
    }

    /** The students a tutor has threads about, by name (one statement; no parents): a filter of the tutor's list. */
    public List<UserRef> studentsOfTutorThreads(UUID tutorId) {
        return queries.studentsOfTutorThreads(tutorId);
    }

    private static <T> List<T> grouped(List<ThreadQueries.ContactRow> rows,
                                       BiFunction<UserRef, List<UserRef>, T> make) {
        Map<UserRef, List<UserRef>> byStudent = new LinkedHashMap<>();
        for (ThreadQueries.ContactRow row : rows) {
            List<UserRef> others = byStudent.computeIfAbsent(row.student(), k -> new ArrayList<>());
            if (row.other() != null) {
                others.add(row.other());
            }
        }
        return byStudent.entrySet().stream().map(e -> make.apply(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
