package io.tutoring.messaging;

import io.tutoring.common.ApiDocs;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** The tutor's inbox controls: pin a thread to the top, snooze it out of the inbox until a time. */
@Tag(name = ApiDocs.TUTOR_INBOX)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = Role.TUTOR_NAME)
@APIResponse(responseCode = "200", description = "The thread's pin and snooze state")
@APIResponse(responseCode = "403", description = "The caller is this thread's parent: only its tutor may pin or snooze "
        + "it")
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

    @Operation(summary = "Pin a thread", description = """
            Keeps the thread at the top of the tutor's list. Pinning a pinned thread changes nothing.

            Who may call: the thread's tutor.""")
    @PUT
    @Path("/pin")
    public TutorInboxService.TutorThreadState pin(@PathParam("threadId") String threadId) {
        return inbox.pin(currentUser.get(), Ids.parse(threadId, "threadId"), true);
    }

    @Operation(summary = "Unpin a thread", description = """
            Puts the thread back in the order of its last activity.

            Who may call: the thread's tutor.""")
    @DELETE
    @Path("/pin")
    public TutorInboxService.TutorThreadState unpin(@PathParam("threadId") String threadId) {
        return inbox.pin(currentUser.get(), Ids.parse(threadId, "threadId"), false);
    }

    @Operation(summary = "Snooze a thread", description = """
            Hides the thread from the tutor's default list until `until` (in the future, at most a year ahead), or \
            until the parent writes again, whichever comes first.

            Who may call: the thread's tutor.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "until", value = """
            {"until": "2026-03-09T08:00:00Z"}""")))
    @PUT
    @Path("/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    public TutorInboxService.TutorThreadState snooze(@PathParam("threadId") String threadId,
                                                     @NotNull(message = "a JSON body is required") @Valid
                                                     SnoozeRequest request) {
        return inbox.snooze(currentUser.get(), Ids.parse(threadId, "threadId"), request.until());
    }

    @Operation(summary = "Wake a snoozed thread", description = """
            Ends the snooze: the thread is back in the tutor's list at once.

            Who may call: the thread's tutor.""")
    @DELETE
    @Path("/snooze")
    public TutorInboxService.TutorThreadState wake(@PathParam("threadId") String threadId) {
        return inbox.wake(currentUser.get(), Ids.parse(threadId, "threadId"));
    }
}
