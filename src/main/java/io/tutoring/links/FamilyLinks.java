package io.tutoring.links;

import io.tutoring.common.Time;
import io.tutoring.common.ApiException;
import io.tutoring.users.Caller;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * A parent's or a student's own links: listing them and removing one. Removal goes through {@link Links#unlink},
 * which records who removed it; the parent's access to the threads ends with the row.
 */
@ApplicationScoped
public class FamilyLinks {

    /** A family has a handful of links; this bounds the list all the same. */
    static final int MAX_LINKS = 200;

    private static final String SELECT = """
            select l.parent_id, p.name, l.student_id, s.name, l.created_at
              from parent_student_link l
              join app_user p on p.id = l.parent_id
              join app_user s on s.id = l.student_id
            """;

    private final EntityManager em;
    private final Links links;

    public FamilyLinks(EntityManager em, Links links) {
        this.em = em;
        this.links = links;
    }

    public List<LinkView> ofParent(Caller parent) {
        return query(SELECT + " where l.parent_id = :me order by l.created_at, l.student_id", parent.id());
    }

    public List<LinkView> ofStudent(Caller student) {
        return query(SELECT + " where l.student_id = :me order by l.created_at, l.parent_id", student.id());
    }

    /** The link between the two, which must exist. */
    public LinkView view(UUID parentId, UUID studentId) {
        List<LinkView> found = query(SELECT + " where l.parent_id = :me and l.student_id = :s", parentId, studentId);
        if (found.isEmpty()) {
            throw ApiException.notFound("No link between parent " + parentId + " and student " + studentId);
        }
        return found.get(0);
    }

    @Transactional
    public void removeByParent(Caller parent, UUID studentId) {
        if (!links.unlink(parent.id(), studentId, Links.Action.REMOVED_BY_PARENT, parent.id())) {
            throw ApiException.notFound("You are not linked to a student with id " + studentId);
        }
    }

    @Transactional
    public void removeByStudent(Caller student, UUID parentId) {
        if (!links.unlink(parentId, student.id(), Links.Action.REMOVED_BY_STUDENT, student.id())) {
            throw ApiException.notFound("You are not linked to a parent with id " + parentId);
        }
    }

    @SuppressWarnings("unchecked")
    private List<LinkView> query(String sql, UUID me, UUID... student) {
        var q = em.createNativeQuery(sql + " limit " + MAX_LINKS).setParameter("me", me);
        if (student.length > 0) {
            q.setParameter("s", student[0]);
        }
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new LinkView(new UserRef((UUID) r[0], (String) r[1]),
                new UserRef((UUID) r[2], (String) r[3]), Time.instant(r[4]))).toList();
    }
}
