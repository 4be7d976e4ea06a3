package io.tutoring.messaging;

import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/** Who a parent or tutor can write to: one statement each, grouped by student here. */
@ApplicationScoped
public class ContactsService {

    private final EntityManager em;

    public ContactsService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<Contacts.ForParent> forParent(UUID parentId) {
        return grouped("""
                select s.id, s.name, tu.id, tu.name
                  from parent_student_link l
                  join app_user s on s.id = l.student_id
                  left join enrollment e on e.student_id = l.student_id
                  left join app_user tu on tu.id = e.tutor_id
                 where l.parent_id = :me
                 order by s.name, s.id, tu.name, tu.id""", parentId, Contacts.ForParent::new);
    }

    @Transactional
    public List<Contacts.ForTutor> forTutor(UUID tutorId) {
        return grouped("""
                select s.id, s.name, p.id, p.name
                  from enrollment e
                  join app_user s on s.id = e.student_id
                  left join parent_student_link l on l.student_id = e.student_id
                  left join app_user p on p.id = l.parent_id
                 where e.tutor_id = :me
                 order by s.name, s.id, p.name, p.id""", tutorId, Contacts.ForTutor::new);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> grouped(String sql, UUID me, BiFunction<UserRef, List<UserRef>, T> make) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("me", me).getResultList();
        Map<UserRef, List<UserRef>> byStudent = new LinkedHashMap<>();
        for (Object[] r : rows) {
            List<UserRef> others = byStudent.computeIfAbsent(new UserRef((UUID) r[0], (String) r[1]),
                    k -> new ArrayList<>());
            if (r[2] != null) {
                others.add(new UserRef((UUID) r[2], (String) r[3]));
            }
        }
        return byStudent.entrySet().stream().map(e -> make.apply(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
