package io.tutoring.links;

import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Active parent–student links, the gate of all parent messaging. A link is a row; removing it deletes the row, so
 * every access check sees the removal at once. Each change is written to {@code link_event}.
 */
@ApplicationScoped
public class Links {

    /** How a link came to be or stopped being; stored in link_event.action. */
    public enum Action { CREATED_BY_ADMIN, REMOVED_BY_ADMIN, CREATED_BY_INVITE, REMOVED_BY_PARENT, REMOVED_BY_STUDENT }

    private final EntityManager em;
    private final UserDirectory users;

    public Links(EntityManager em, UserDirectory users) {
        this.em = em;
        this.users = users;
    }

    public boolean isLinked(UUID parentId, UUID studentId) {
        return !em.createNativeQuery("select 1 from parent_student_link where parent_id = :p and student_id = :s")
                .setParameter("p", parentId).setParameter("s", studentId)
                .getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    public List<UUID> parentsOf(UUID studentId) {
        // No result class (a basic one defeats Hibernate's plan cache, see BENCHMARKS.md); the column is a UUID.
        return em.createNativeQuery(
                        "select parent_id from parent_student_link where student_id = :s order by created_at, parent_id")
                .setParameter("s", studentId)
                .getResultList();
    }

    /**
     * Like {@link #isLinked}, and holds the link until the transaction ends: a removal that races with a send waits
     * for the send to commit, so no message is written after the removal took effect.
     */
    public boolean holdLink(UUID parentId, UUID studentId) {
        return !em.createNativeQuery("select 1 from parent_student_link where parent_id = :p and student_id = :s"
                        + " for key share")
                .setParameter("p", parentId).setParameter("s", studentId)
                .getResultList().isEmpty();
    }

    /** The student's linked parents, held like {@link #holdLink} until the transaction ends. */
    @SuppressWarnings("unchecked")
    public List<UUID> holdParentsOf(UUID studentId) {
        return em.createNativeQuery("select parent_id from parent_student_link where student_id = :s"
                        + " order by created_at, parent_id for key share")
                .setParameter("s", studentId)
                .getResultList();
    }

    /**
     * Creates the link if it does not exist. Returns false when it already existed (nothing is written).
     * Both users must exist and hold PARENT and STUDENT.
     */
    @Transactional
    public boolean link(UUID parentId, UUID studentId, Action action, UUID actorId) {
        users.requireWithRole(parentId, Role.PARENT);
        users.requireWithRole(studentId, Role.STUDENT);
        int inserted = em.createNativeQuery(
                        "insert into parent_student_link (parent_id, student_id) values (:p, :s) on conflict do nothing")
                .setParameter("p", parentId).setParameter("s", studentId)
                .executeUpdate();
        if (inserted > 0) {
            record(parentId, studentId, action, actorId);
        }
        return inserted > 0;
    }

    /** Removes the link; false if there was none. The threads and messages stay for the tutor and admins. */
    @Transactional
    public boolean unlink(UUID parentId, UUID studentId, Action action, UUID actorId) {
        int deleted = em.createNativeQuery("delete from parent_student_link where parent_id = :p and student_id = :s")
                .setParameter("p", parentId).setParameter("s", studentId)
                .executeUpdate();
        if (deleted > 0) {
            record(parentId, studentId, action, actorId);
        }
        return deleted > 0;
    }

    private void record(UUID parentId, UUID studentId, Action action, UUID actorId) {
        em.createNativeQuery("""
                        insert into link_event (id, parent_id, student_id, action, actor_id)
                        values (:id, :p, :s, :a, :actor)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("p", parentId).setParameter("s", studentId)
                .setParameter("a", action.name()).setParameter("actor", actorId)
                .executeUpdate();
    }

}
