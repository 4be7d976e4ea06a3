package io.tutoring.messaging;

import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
     * sees their tutor inbox and a parent their own threads.
     */
    @GET
    public Page<ThreadView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                 @QueryParam("as") String as) {
        return messaging.threads(currentUser.get(), side(as), cursor, limits.resolve(limit));
    }

    @GET
    @Path("/{threadId}/messages")
    public Page<MessageView> messages(@PathParam("threadId") String threadId, @QueryParam("limit") String limit,
                                      @QueryParam("before") String before) {
        return messaging.open(currentUser.get(), Ids.parse(threadId, "threadId"), before, limits.resolve(limit));
    }

    private static Role side(String as) {
        if (as == null || as.isBlank()) {
            return null;
        }
        return switch (as.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "PARENT" -> Role.PARENT;
            case "TUTOR" -> Role.TUTOR;
            default -> throw io.tutoring.common.ApiException.badRequest("as must be PARENT or TUTOR");
        };
    }
}
