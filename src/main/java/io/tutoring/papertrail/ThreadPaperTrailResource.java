package io.tutoring.papertrail;

import io.tutoring.common.ApiDocs;
import io.tutoring.common.Ids;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** A thread's export and its family timeline, for the thread's parent and tutor. */
@Tag(name = ApiDocs.PAPER_TRAIL)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = {Role.PARENT_NAME, Role.TUTOR_NAME})
@Path("/api/parent/threads/{threadId}")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
public class ThreadPaperTrailResource {

    private final PaperTrailService service;
    private final Exports exports;
    private final CurrentUser currentUser;

    public ThreadPaperTrailResource(PaperTrailService service, Exports exports, CurrentUser currentUser) {
        this.service = service;
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Export a thread", description = """
            The whole thread, hash-chained: every message in chain order with its `prevHash` and `hash`, read and \\
            acknowledgement times, its attachment's name, type, size and SHA-256; the `chainHead`; and the family \\
            timeline. `format=json` (default) is the record that `POST /api/exports/verify`, or anyone with jq and \\
            sha256sum (docs/paper-trail.md), can check; `format=pdf` is its printout, with times in `zone` (or the \\
            pages' time zone, else UTC), page numbers and the chain head on every page. The answer is streamed.

            Who may call: the thread's tutor, or its parent while linked to the student.""")
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "`json` (default) or `pdf`")
    @Parameter(name = "zone", in = ParameterIn.QUERY, description = "PDF only: the time zone to print times in, "
            + "e.g. `Europe/Berlin`")
    @APIResponse(responseCode = "200", description = "The export, as a download", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "format, exportedAt, thread, genesis, messages[], messageCount, chainHead, "
                            + "timeline[] (docs/paper-trail.md)")),
            @Content(mediaType = Exports.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "403", description = "The parent's link to the student was removed")
    @APIResponse(responseCode = "404", description = "No thread with this id that the caller can read")
    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, Exports.PDF})
    public Response export(@PathParam("threadId") String threadId, @QueryParam("format") String format,
                           @QueryParam("zone") String zone, @CookieParam("tz") String tz) {
        var thread = Ids.parse(threadId, "threadId");
        boolean pdf = Exports.isPdf(format);
        var at = Exports.zone(zone, tz);
        return exports.answer(service.forParticipant(currentUser.get(), thread), pdf, at);
    }

    @Operation(summary = "The family timeline of a thread", description = """
            The history of the thread's family, oldest first: invites between its parent and student and each of \\
            their steps (invited, confirmed, accepted, declined, revoked), the link's creations and removals, the \\
            start and end of the student's enrollment with the tutor, and every admin read of this thread (reading \\
            its messages, an attachment, an export), each with when and who.

            Who may call: the thread's tutor, or its parent while linked to the student.""")
    @APIResponse(responseCode = "200", description = "`{items: [{at, type, action, actor?, invite?}]}`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "items: timeline entries, oldest first")))
    @APIResponse(responseCode = "403", description = "The parent's link to the student was removed")
    @APIResponse(responseCode = "404", description = "No thread with this id that the caller can read")
    @GET
    @Path("/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<TimelineEntry>> timeline(@PathParam("threadId") String threadId) {
        return Map.of("items", service.timeline(currentUser.get(), Ids.parse(threadId, "threadId")));
    }
}
