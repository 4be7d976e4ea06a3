package io.tutoring.live;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.tutoring.common.ApiDocs;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.users.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's live updates as server-sent events. The one API path that also takes the page session cookie
 * (application.properties, "Pages"): a browser's EventSource cannot send a bearer header. No role annotation: the
 * caller is resolved here, so an anonymous request is the 401 problem+json of every API path, never a redirect to
 * the login page. The method runs on a worker thread only to resolve the caller and read the replay; the open stream
 * holds no thread.
 */
@Tag(name = ApiDocs.LIVE)
@SecurityRequirement(name = ApiDocs.BEARER)
@Path("/api/events")
public class EventsResource {

    private final CurrentUser currentUser;
    private final LiveStreams streams;

    public EventsResource(CurrentUser currentUser, LiveStreams streams) {
        this.currentUser = currentUser;
        this.streams = streams;
    }

    @Operation(summary = "Stream the caller's live updates", description = """
            Server-sent events of the threads the caller may read, ids only (load the rows through the API): \
            `message` `{threadId, messageId}` (to the thread's parent and tutor), `read` `{threadId, readAt}` (the \
            other side's messages were opened; to both), `unread` `{threadId, unreadCount}` (the caller's count \
            changed), `link` `{studentId, parentId, active}` (to the link's parent and student). Every event has an \
            `id`; reconnecting with `Last-Event-ID` first replays what was missed (up to `live.replay-limit`, kept \
            for `live.retention`). A comment line is sent at least every 30 s. A parent receives no event of a \
            thread whose student they are no longer linked to; admins and students receive no thread events.

            Who may call: anyone signed in, with a bearer token or the pages' session cookie.""")
    @Parameter(name = "Last-Event-ID", in = ParameterIn.HEADER, description = "The `id` of the last event received:"
            + " the events after it are sent first")
    @APIResponse(responseCode = "200", description = "The event stream", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "a message", value = """
                    : connected
                    retry: 2000

                    id: 4711
                    event: message
                    data: {"threadId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d","messageId":"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"}
                    """)))
    @APIResponse(responseCode = "400", description = "`Last-Event-ID` is not an id this endpoint sent")
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> events(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        return streams.open(currentUser.get(), lastEventId(lastEventId), sse);
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(header.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInput("Last-Event-ID must be the id of an event of this stream (a number)");
        }
    }
}
