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

/** Any thread's export, for admins; each export is recorded in the admin audit and shows in the family timeline. */
@Tag(name = ApiDocs.PAPER_TRAIL)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = Role.ADMIN_NAME)
@Path("/api/admin/threads/{threadId}/export")
@RolesAllowed(Role.ADMIN_NAME)
public class AdminExportResource {

    private final PaperTrailService service;
    private final Exports exports;
    private final CurrentUser currentUser;

    public AdminExportResource(PaperTrailService service, Exports exports, CurrentUser currentUser) {
        this.service = service;
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Export any thread", description = """
            The same export as the participants get (`GET /api/parent/threads/{threadId}/export`), of any thread. \\
            Recorded in the admin audit as an `EXPORT` read of the thread, which the thread's participants see in \\
            its timeline.

            Who may call: an admin.""")
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "`json` (default) or `pdf`")
    @Parameter(name = "zone", in = ParameterIn.QUERY, description = "PDF only: the time zone to print times in")
    @APIResponse(responseCode = "200", description = "The export, as a download", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "format, exportedAt, thread, genesis, messages[], messageCount, chainHead, "
                            + "timeline[] (docs/paper-trail.md)")),
            @Content(mediaType = Exports.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No thread with this id")
    @GET
    @Produces({MediaType.APPLICATION_JSON, Exports.PDF})
    public Response export(@PathParam("threadId") String threadId, @QueryParam("format") String format,
                           @QueryParam("zone") String zone, @CookieParam("tz") String tz) {
        var thread = Ids.parse(threadId, "threadId");
        boolean pdf = Exports.isPdf(format);
        var at = Exports.zone(zone, tz);
        return exports.answer(service.forAdmin(currentUser.get(), thread), pdf, at);
    }
}
