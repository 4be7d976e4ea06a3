package io.tutoring.attachments;

import io.quarkus.security.Authenticated;
import io.tutoring.common.Ids;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("/api/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentsResource {

    private final AttachmentService attachments;
    private final CurrentUser currentUser;

    public AttachmentsResource(AttachmentService attachments, CurrentUser currentUser) {
        this.attachments = attachments;
        this.currentUser = currentUser;
    }

    /** Asks for an upload: 201 with the presigned PUT and the attachmentUrl to send the message with. */
    @POST
    @RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestUpload(@NotNull(message = "a JSON body is required") @Valid UploadRequest request) {
        UploadTicket ticket = attachments.requestUpload(currentUser.get(), request);
        return Response.created(URI.create(ticket.attachmentUrl())).entity(ticket).build();
    }

    /** Redirects (303) to a short-lived presigned download, for whoever may read the message's thread. */
    @GET
    @Path("/{id}")
    @Authenticated
    public Response download(@PathParam("id") String id) {
        URI target = attachments.download(currentUser.get(), Ids.parse(id, "id"));
        return Response.seeOther(target)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
