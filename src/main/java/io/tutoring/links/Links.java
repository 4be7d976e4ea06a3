package io.tutoring.links;

import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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

    private final LinkQueries queries;
    private final UserDirectory users;
    private final Event<LinkChanged> changed;

    public Links(LinkQueries queries, UserDirectory users, Event<LinkChanged> changed) {
        this.queries = queries;
        this.users = users;
        this.changed = changed;
    }

    /**
     * Whether the parent is linked to the student, holding the link until the transaction ends: a removal that races
     * with a send waits for the send to commit, so no message is written after the removal took effect.
     */
    public boolean holdLink(UUID parentId, UUID studentId) {
        return queries.hold(parentId, studentId);
    }

    /** The student's linked parents, held like {@link #holdLink} until the transaction ends. */
    public List<UUID> holdParentsOf(UUID studentId) {
        return queries.holdParentsOf(studentId);
    }

    /**
     * Creates the link if it does not exist. Returns false when it already existed (nothing is written).
     * Both users must exist and hold PARENT and STUDENT.
     */
    @Transactional
    public boolean link(UUID parentId, UUID studentId, Action action, UUID actorId) {
        users.requireWithRole(parentId, Role.PARENT);
        users.requireWithRole(studentId, Role.STUDENT);
        boolean inserted = queries.insert(parentId, studentId);
        if (inserted) {
            record(parentId, studentId, action, actorId);
        }
        return inserted;
    }

    /** Removes the link; false if there was none. The threads and messages stay for the tutor and admins. */
    @Transactional
    public boolean unlink(UUID parentId, UUID studentId, Action action, UUID actorId) {
        boolean deleted = queries.delete(parentId, studentId);
        if (deleted) {
            record(parentId, studentId, action, actorId);
        }
        return deleted;
    }

    private void record(UUID parentId, UUID studentId, Action action, UUID actorId) {
        changed.fire(new LinkChanged(parentId, studentId, action.creates, action, actorId));
        queries.recordEvent(parentId, studentId, action, actorId);
    }
}
