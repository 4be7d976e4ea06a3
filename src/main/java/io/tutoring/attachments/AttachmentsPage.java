package io.tutoring.attachments;

import io.quarkus.security.Authenticated;
import io.tutoring.common.Ids;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/**
 * Attachments for the pages, with the page session instead of a bearer token: the thread page's script asks here for
 * an upload (a form post, so CSRF-checked) and PUTs the bytes straight to S3; attachments are opened and previewed
 * through {@code /attachments/{id}}, which checks the reader like {@code GET /api/attachments/{id}} and redirects
 * to the short-lived download. The same service as {@link AttachmentsResource}.
 */
@Path("/attachments")
public class AttachmentsPage {

    private final AttachmentService attachments;
    private final CurrentUser currentUser;

    public AttachmentsPage(AttachmentService attachments, CurrentUser currentUser) {
        this.attachments = attachments;
        this.currentUser = currentUser;
    }

    /** The upload ticket as JSON for the page's script: where to PUT the file and the attachmentUrl to send. */
    @POST
    @Path("uploads")
    @RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.APPLICATION_JSON)
    public Response requestUpload(@FormParam("fileName") String fileName, @FormParam("contentType") String contentType,
                                  @FormParam("size") String size) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw new InvalidInput("fileName must have 1 to 255 characters");
        }
        if (contentType == null || contentType.isBlank()) {
            throw new InvalidInput("contentType is required");
        }
        long bytes;
        try {
            bytes = Long.parseLong(size == null ? "" : size.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("size must be a whole number of bytes");
        }
        if (bytes < 1) {
            throw new InvalidInput("size must be positive");
        }
        UploadTicket ticket = attachments.requestUpload(currentUser.get(),
                new UploadRequest(fileName, contentType, bytes));
        return Response.status(201).entity(ticket).build();
    }

    /** Opens an attachment (a link, an image preview): 303 to the presigned download, for whoever may read it. */
    @GET
    @Path("{id}")
    @Authenticated
    public Response download(@PathParam("id") String id) {
        return AttachmentsResource.toDownload(attachments.download(currentUser.get(), Ids.parse(id, "id")));
    }
}
