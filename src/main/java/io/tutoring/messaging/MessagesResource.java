package io.tutoring.messaging;

import io.tutoring.common.ApiDocs;
import io.tutoring.common.idempotency.Idempotency;
import io.tutoring.users.Caller;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = ApiDocs.MESSAGING)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = {Role.PARENT_NAME, Role.TUTOR_NAME})
@Path("/api/parent/messages")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    private final MessagingService messaging;
    private final CurrentUser currentUser;
    private final Idempotency idempotency;

    public MessagesResource(MessagingService messaging, CurrentUser currentUser, Idempotency idempotency) {
        this.messaging = messaging;
        this.currentUser = currentUser;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Send a message", description = """
            Stores a message in the thread of (parent, tutor, student), creating the thread with its first message. \
            The server decides the side from the account: a caller who is `tutorId` writes as the TUTOR (the parent \
            is the student's linked parent; with several linked parents, `parentId` names one of them); anyone else \
            writes as the PARENT (`parentId` is left out). `message` is 1 to 5,000 characters after trimming. \
            `attachmentUrl` is one that `POST /api/attachments` issued to the caller, after the file was uploaded; \
            it is checked (size, type, first bytes) and then belongs to this message.

            Who may call: a parent with an active link to the student, whose tutor teaches the student; or the \
            tutor named by `tutorId`, who teaches the student.""")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "parent", summary = "A parent writes to their child's tutor", value = """
                    {"tutorId": "9b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                     "studentId": "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9",
                     "message": "Hello, how is Carol getting on with fractions?"}"""),
            @ExampleObject(name = "tutor", summary = "A tutor replies, with an attachment", value = """
                    {"tutorId": "9b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                     "studentId": "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9",
                     "message": "Very well! Here is her last worksheet.",
                     "attachmentUrl": "/api/attachments/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"}""")}))
    @APIResponse(responseCode = "201", description = "The stored message, as every later read returns it",
            content = @Content(schema = @Schema(implementation = MessageView.class), examples = @ExampleObject(
                    name = "message", value = """
                    {"id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                     "threadId": "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
                     "parentId": "3f8a2c1e-5b7d-4e9a-8c6f-1d2e3f4a5b6c",
                     "tutorId": "9b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e",
                     "studentId": "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9",
                     "role": "TUTOR", "message": "Very well! Here is her last worksheet.",
                     "attachment": {"url": "/api/attachments/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                                    "fileName": "worksheet.pdf", "contentType": "application/pdf", "size": 48213},
                     "createdAt": "2026-03-02T16:05:11.204Z", "readAt": null}""")))
    @APIResponse(responseCode = "403", description = "The caller may not write in this thread: no role for the "
            + "side (PARENT, or TUTOR as `tutorId`), no active link to the student, or the tutor does not teach the "
            + "student")
    @APIResponse(responseCode = "404", description = "`attachmentUrl` is not an upload issued to the caller")
    @APIResponse(responseCode = "409", description = "Nobody to write to (a tutor writing about a student with no "
            + "linked parent), or the attachment already belongs to a message, was not uploaded yet, or changed "
            + "while it was checked")
    @APIResponse(responseCode = "413", description = "The uploaded file is larger than the attachment limit")
    @APIResponse(responseCode = "422", description = "`parentId` is not a linked parent of the student")
    @APIResponse(responseCode = "503", description = "The file storage cannot be reached to check the attachment")
    @POST
    public Response send(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @NotNull(message = "a JSON body is required") @Valid SendMessageRequest request) {
        Caller caller = currentUser.get();
        return idempotency.once(idempotencyKey, caller.id(), "POST /api/parent/messages", request,
                () -> Response.status(Response.Status.CREATED).entity(messaging.send(caller, request)).build());
    }
}
