package io.tutoring.messaging;

import io.tutoring.common.failures.NotAllowed;
import io.tutoring.common.failures.NotFound;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The one rule for "may this caller read this thread?", used by every path that reads a thread or what hangs off
 * it. Someone with no relation to the thread learns nothing: the answer is 404, as if it did not exist.
 */
@ApplicationScoped
public class ThreadAccess {

    /** The capacity in which a caller reads a thread. */
    public enum Side { PARENT, TUTOR, ADMIN }

    public record Grant(ThreadRef thread, Side side) {
    }

    private final ThreadQueries queries;

    public ThreadAccess(ThreadQueries queries) {
        this.queries = queries;
    }

    /**
     * The thread and the caller's side of it. The tutor keeps reading their threads for the paper trail; the
     * parent only while linked to the student; an admin only where {@code adminAllowed}.
     */
    public Grant check(Caller caller, UUID threadId, boolean adminAllowed) {
        ThreadQueries.Found found = find(threadId);
        ThreadRef thread = found.thread();
        if (caller.id().equals(thread.tutorId()) && caller.has(Role.TUTOR)) {
            return new Grant(thread, Side.TUTOR);
        }
        if (caller.id().equals(thread.parentId()) && caller.has(Role.PARENT)) {
            if (!found.linked()) {
                throw new NotAllowed("Your link to this student was removed, so this thread is closed to you");
            }
            return new Grant(thread, Side.PARENT);
        }
        if (adminAllowed && caller.has(Role.ADMIN)) {
            return new Grant(thread, Side.ADMIN);
        }
        throw notFound(threadId);
    }

    /**
     * The thread, for its tutor to manage in their inbox (pin, snooze). Its parent is told no (403); anyone else,
     * another tutor included, learns nothing (404) as for reading.
     */
    public ThreadRef checkTutor(Caller caller, UUID threadId) {
        Grant grant = check(caller, threadId, false);
        if (grant.side() != Side.TUTOR) {
            throw new NotAllowed("Only the thread's tutor may pin or snooze it");
        }
        return grant.thread();
    }

    /** An admin's grant to read any thread; it never stands for the parent or the tutor. */
    public Grant checkAdmin(Caller caller, UUID threadId) {
        if (!caller.has(Role.ADMIN)) {
            throw new NotAllowed("Only admins may read threads through this endpoint");
        }
        return new Grant(find(threadId).thread(), Side.ADMIN);
    }

    /** The thread with the link of its parent (one statement), or the 404 of a thread the caller cannot read. */
    private ThreadQueries.Found find(UUID threadId) {
        return queries.thread(threadId).orElseThrow(() -> notFound(threadId));
    }

    private static NotFound notFound(UUID threadId) {
        return new NotFound("No thread " + threadId + " that you can read");
    }
}
