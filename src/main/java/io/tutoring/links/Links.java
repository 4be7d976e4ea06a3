package io.tutoring.links;

import io.tutoring.common.Sql;
import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
    public enum Action {
        CREATED_BY_ADMIN(true), REMOVED_BY_ADMIN(false), CREATED_BY_INVITE(true), REMOVED_BY_PARENT(false),
        REMOVED_BY_STUDENT(false);

        /** Whether the link exists after this action. */
        public final boolean creates;

        Action(boolean creates) {
            this.creates = creates;
        }
    }

    private final EntityManager em;
    private final Sql sql;
    private final UserDirectory users;
    private final Event<LinkChanged> changed;

    public Links(EntityManager em, Sql sql, UserDirectory users, Event<LinkChanged> changed) {
        this.em = em;
        this.sql = sql;
        this.users = users;
        this.changed = changed;
    }

    /**
     * Whether the parent is linked to the student, holding the link until the transaction ends: a removal that races
     * with a send waits for the send to commit, so no message is written after the removal took effect. Plain JDBC,
     * as every send asks it (see {@link Sql}).
     */
    public boolean holdLink(UUID parentId, UUID studentId) {
        return sql.query("select 1 from parent_student_link where parent_id = :p and student_id = :s for key share")
                .bind("p", parentId).bind("s", studentId)
                .first(rs -> Boolean.TRUE).isPresent();
    }

    /** The student's linked parents, held like {@link #holdLink} until the transaction ends. */
    public List<UUID> holdParentsOf(UUID studentId) {
        return sql.query("select parent_id from parent_student_link where student_id = :s"
                        + " order by created_at, parent_id for key share")
                .bind("s", studentId)
                .list(rs -> Sql.uuid(rs, 1));
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
        changed.fire(new LinkChanged(parentId, studentId, action.creates, action, actorId));
        em.createNativeQuery("""
                        insert into link_event (id, parent_id, student_id, action, actor_id)
                        values (:id, :p, :s, :a, :actor)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("p", parentId).setParameter("s", studentId)
                .setParameter("a", action.name()).setParameter("actor", actorId)
                .executeUpdate();
    }

}
