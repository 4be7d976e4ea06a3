package io.tutoring.attachments;

import io.quarkus.security.Authenticated;
import io.tutoring.common.ApiDocs;
import io.tutoring.common.Ids;
import io.tutoring.common.idempotency.Idempotency;
import io.tutoring.users.Caller;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Tag(name = ApiDocs.ATTACHMENTS)
@Path("/api/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentsResource {

    private final AttachmentService attachments;
    private final CurrentUser currentUser;
    private final Idempotency idempotency;

    public AttachmentsResource(AttachmentService attachments, CurrentUser currentUser, Idempotency idempotency) {
        this.attachments = attachments;
        this.currentUser = currentUser;
        this.idempotency = idempotency;
    }

    /** Asks for an upload: 201 with the presigned PUT and the attachmentUrl to send the message with. */
    @Operation(summary = "Ask for an upload", description = """
            The first step of sending a file: declares its name, type and size, and answers with a presigned `PUT` \
            straight to S3 (valid 15 minutes) and the `attachmentUrl` to send the message with once the bytes are \
            up. Send the body with exactly `upload.headers` and exactly `size` bytes: S3 refuses anything else. \
            Types: JPEG, PNG, GIF, WebP images and PDF; size at most 10 MiB unless configured otherwise. An upload \
            never attached to a message is deleted after a day.

            Who may call: a parent or a tutor.""")
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = {Role.PARENT_NAME, Role.TUTOR_NAME})
    @RequestBody(content = @Content(examples = @ExampleObject(name = "pdf", value = """
            {"fileName": "worksheet.pdf", "contentType": "application/pdf", "size": 48213}""")))
    @APIResponse(responseCode = "201", description = "Where to upload the bytes, and the attachmentUrl",
            headers = @Header(name = "Location", description = "The attachmentUrl"),
            content = @Content(schema = @Schema(implementation = UploadTicket.class), examples = @ExampleObject(
                    name = "ticket", value = """
                    {"attachmentUrl": "/api/attachments/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                     "upload": {"url": "https://parent-messaging-attachments.s3.amazonaws.com/uploads/0c1d2e3f-\
                    4a5b-4c6d-8e7f-9a0b1c2d3e4f?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=…",
                                "method": "PUT", "headers": {"Content-Type": "application/pdf"}},
                     "expiresAt": "2026-03-02T16:20:11Z"}""")))
    @APIResponse(responseCode = "413", description = "The declared size is over the attachment limit")
    @APIResponse(responseCode = "503", description = "The file storage is unavailable (unreachable, or the service "
            + "has no credentials for it)")
    @POST
    @RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestUpload(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  @NotNull(message = "a JSON body is required") @Valid UploadRequest request) {
        Caller caller = currentUser.get();
        return idempotency.once(idempotencyKey, caller.id(), "POST /api/attachments", request, () -> {
            UploadTicket ticket = attachments.requestUpload(caller, request);
            return Response.created(URI.create(ticket.attachmentUrl())).entity(ticket).build();
        });
    }

    /** Redirects (303) to a short-lived presigned download, for whoever may read the message's thread. */
    @Operation(summary = "Download an attachment", description = """
            Redirects to a presigned download from S3 that lives at most five minutes, with the checked content \
            type and an `attachment` disposition. Follow the redirect without the `Authorization` header. An \
            admin's download is recorded like any admin read.

            Who may call: whoever may read the message's thread (its tutor, its parent while linked, an admin); \
            for an upload not yet attached to a message, only its uploader.""")
    @SecurityRequirement(name = ApiDocs.BEARER)
    @APIResponse(responseCode = "303", description = "See the presigned download", headers = {
            @Header(name = "Location", description = "The presigned S3 URL"),
            @Header(name = "X-Content-Type-Options", description = "`nosniff`")})
    @APIResponse(responseCode = "403", description = "The parent's link to the student was removed: the thread "
            + "is closed to them")
    @APIResponse(responseCode = "404", description = "No attachment with this id that the caller may read")
    @GET
    @Path("/{id}")
    @Authenticated
    public Response download(@PathParam("id") String id) {
        return toDownload(attachments.download(currentUser.get(), Ids.parse(id, "id")));
    }

    /** The 303 to a presigned download, for the API and the pages alike: never cached, sniffed or referred. */
    static Response toDownload(URI target) {
        return Response.seeOther(target)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
