package io.tutoring.messaging;

import io.tutoring.common.Ids;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/** The tutor's inbox controls: pin a thread to the top, snooze it out of the inbox until a time. */
@Path("/api/tutor/threads/{threadId}")
@RolesAllowed(Role.TUTOR_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class TutorThreadsResource {

    /** {@code until}: ISO-8601 UTC, in the future and at most a year ahead. */
    public record SnoozeRequest(@NotNull(message = "until is required") Instant until) {
    }

    private final TutorInboxService inbox;
    private final CurrentUser currentUser;

    public TutorThreadsResource(TutorInboxService inbox, CurrentUser currentUser) {
        this.inbox = inbox;
        this.currentUser = currentUser;
    }

    @PUT
    @Path("/pin")
    public TutorInboxService.TutorThreadState pin(@PathParam("threadId") String threadId) {
        return inbox.pin(currentUser.get(), Ids.parse(threadId, "threadId"), true);
    }

    @DELETE
    @Path("/pin")
    public TutorInboxService.TutorThreadState unpin(@PathParam("threadId") String threadId) {
        return inbox.pin(currentUser.get(), Ids.parse(threadId, "threadId"), false);
    }

    @PUT
    @Path("/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    public TutorInboxService.TutorThreadState snooze(@PathParam("threadId") String threadId,
                                                     @NotNull(message = "a JSON body is required") @Valid
                                                     SnoozeRequest request) {
        return inbox.snooze(currentUser.get(), Ids.parse(threadId, "threadId"), request.until());
    }

    @DELETE
    @Path("/snooze")
    public TutorInboxService.TutorThreadState wake(@PathParam("threadId") String threadId) {
        return inbox.wake(currentUser.get(), Ids.parse(threadId, "threadId"));
    }
}
