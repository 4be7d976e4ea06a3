package io.tutoring.papertrail;

import io.tutoring.common.Ids;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import io.tutoring.web.Times;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /threads/{threadId}/export?format=pdf|json}: the thread's export as a download with the page session (the
 * API's export is bearer-only). The same service, rules and streamed answer as
 * {@link ThreadPaperTrailResource#export}; the PDF's times are in the reader's zone as the pages show them.
 * Refusals are the error pages (someone else's thread: the 404 page).
 */
@Path("/threads/{threadId}/export")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
public class ThreadExportPage {

    private final PaperTrailService service;
    private final Exports exports;
    private final CurrentUser currentUser;
    private final Times times;

    public ThreadExportPage(PaperTrailService service, Exports exports, CurrentUser currentUser, Times times) {
        this.service = service;
        this.exports = exports;
        this.currentUser = currentUser;
        this.times = times;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Exports.PDF, MediaType.TEXT_HTML})
    public Response export(@PathParam("threadId") String threadId, @QueryParam("format") String format) {
        var thread = Ids.parse(threadId, "threadId");
        boolean pdf = Exports.isPdf(format);
        return exports.answer(service.forParticipant(currentUser.get(), thread), pdf, times.zone());
    }
}
