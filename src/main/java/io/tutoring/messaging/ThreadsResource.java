package io.tutoring.messaging;

import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

@Path("/api/parent/threads")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class ThreadsResource {

    private final MessagingService messaging;
    private final CurrentUser currentUser;
    private final PageLimits limits;

    public ThreadsResource(MessagingService messaging, CurrentUser currentUser, PageLimits limits) {
        this.messaging = messaging;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    /**
     * The caller's threads. {@code as} picks the side for someone who is both parent and tutor; by default a tutor
     * sees their tutor inbox and a parent their own threads. Filters: {@code studentId}, {@code unread=true}, and
     * for tutors {@code pinned=true|false} and {@code snoozed=true} (the snoozed threads instead of the inbox).
     */
    @GET
    public Page<ThreadView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                 @QueryParam("as") String as, @QueryParam("studentId") String studentId,
                                 @QueryParam("unread") String unread, @QueryParam("pinned") String pinned,
                                 @QueryParam("snoozed") String snoozed) {
        ThreadFilter filter = new ThreadFilter(Ids.parseOptional(studentId, "studentId"),
                Boolean.TRUE.equals(flag(unread, "unread")), flag(pinned, "pinned"),
                Boolean.TRUE.equals(flag(snoozed, "snoozed")));
        Role side = side(as);
        int size = limits.resolve(limit);
        return messaging.threads(currentUser.get(), side, filter, Cursor.decode(cursor, "cursor"), size);
    }

    @GET
    @Path("/{threadId}/messages")
    public Page<MessageView> messages(@PathParam("threadId") String threadId, @QueryParam("limit") String limit,
                                      @QueryParam("before") String before) {
        UUID thread = Ids.parse(threadId, "threadId");
        int size = limits.resolve(limit);
        return messaging.open(currentUser.get(), thread, Cursor.decode(before, "before"), size);
    }

    /** A true/false query parameter; absent is null, anything else is a 400. */
    private static Boolean flag(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInput(name + " must be true or false");
        };
    }

    private static Role side(String as) {
        if (as == null || as.isBlank()) {
            return null;
        }
        return switch (as.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "PARENT" -> Role.PARENT;
            case "TUTOR" -> Role.TUTOR;
            default -> throw new InvalidInput("as must be PARENT or TUTOR");
        };
    }
}
