package io.tutoring.invites;

import io.tutoring.common.ApiDocs;
import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.common.idempotency.Idempotency;
import io.tutoring.users.Caller;
import io.tutoring.links.LinkView;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

/**
 * A parent's invites to students (student invites), as the parent who sent them sees them; and, sharing this path,
 * accepting a parent invite: a student's magic link.
 */
@Tag(name = ApiDocs.INVITES)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = Role.PARENT_NAME)
@Path("/api/parent/invites")
@RolesAllowed(Role.PARENT_NAME)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutgoingStudentInvitesResource {

    public record InviteStudent(@Email @Size(max = 320) String studentEmail, @Size(max = 40) String studentPhone) {
    }

    private final StudentInviteService studentInvites;
    private final ParentInviteService parentInvites;
    private final CurrentUser currentUser;
    private final PageLimits limits;
    private final Idempotency idempotency;

    public OutgoingStudentInvitesResource(StudentInviteService studentInvites, ParentInviteService parentInvites,
                                          CurrentUser currentUser, PageLimits limits, Idempotency idempotency) {
        this.studentInvites = studentInvites;
        this.parentInvites = parentInvites;
        this.currentUser = currentUser;
        this.limits = limits;
        this.idempotency = idempotency;
    }

    /** 202 with the same answer whether or not a student has this email or phone. */
    @Operation(summary = "Invite a student", description = """
            Invites the student with this email or phone number (E.164, or national in the configured region). \
            The invite waits for a student account with that address, now or when it first signs in; the student \
            confirms or declines it. The answer is the same whether or not such an account exists.

            Who may call: a parent.""")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "email", value = """
                    {"studentEmail": "carol@example.com"}"""),
            @ExampleObject(name = "phone", value = """
                    {"studentPhone": "+14155550123"}""")}))
    @APIResponse(responseCode = "202", description = "The invite is waiting for the student", content = @Content(
            schema = @Schema(implementation = InviteViews.Created.class),
            examples = @ExampleObject(name = "created", value = """
                    {"id": "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901", "status": "PENDING"}""")))
    @APIResponse(responseCode = "409", description = "Already linked to this student, or an invite to this address "
            + "is pending")
    @APIResponse(responseCode = "429", description = "Too many invites sent lately; wait and try again")
    @POST
    public Response invite(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @NotNull(message = "a JSON body is required") @Valid InviteStudent request) {
        Caller caller = currentUser.get();
        return idempotency.once(idempotencyKey, caller.id(), "POST /api/parent/invites", request,
                () -> Response.accepted(studentInvites.create(caller, request.studentEmail(),
                        request.studentPhone())).build());
    }

    @Operation(summary = "List my invites to students", description = """
            The caller's invites to students, newest first, with their status and history.

            Who may call: a parent (their own invites).""")
    @APIResponse(responseCode = "200", description = "A page of invites")
    @GET
    public Page<InviteViews.StudentInviteView> list(@QueryParam("cursor") String cursor,
                                                    @QueryParam("limit") String limit) {
        int size = limits.resolve(limit);
        return studentInvites.outgoing(currentUser.get(), Cursor.decode(cursor, "cursor"), size);
    }

    @Operation(summary = "Revoke an invite to a student", description = """
            Withdraws a pending invite: the student can no longer confirm it.

            Who may call: the parent who sent it.""")
    @APIResponse(responseCode = "204", description = "The invite is revoked")
    @APIResponse(responseCode = "404", description = "The caller has no invite with this id")
    @APIResponse(responseCode = "409", description = "The invite is no longer pending")
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        studentInvites.revoke(currentUser.get(), Ids.parse(id, "id"));
        return Response.noContent().build();
    }

    /** Accepts a parent invite (a student's magic link): uses up the token and links the caller to the student. */
    @Operation(summary = "Accept a student's magic link", description = """
            Uses up the link's token (once, also under concurrent accepts) and links the caller to the student who \
            sent it. The accept binds to the token, not to the caller's email: the student sees which account \
            accepted and can remove the link.

            Who may call: a parent, signed in, holding the link.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "token", value = """
            {"token": "k3Jz9QvW2mT8xR1bN6yH4cL0pA7sE5uD"}""")))
    @APIResponse(responseCode = "200", description = "The new link")
    @APIResponse(responseCode = "403", description = "The caller sent this invite: the parent it went to must "
            + "accept it")
    @APIResponse(responseCode = "404", description = "The link is not valid; ask for a new one")
    @APIResponse(responseCode = "409", description = "The caller is already linked to this student")
    @APIResponse(responseCode = "410", description = "The invite was withdrawn, has expired or was already used")
    @APIResponse(responseCode = "429", description = "Too many token tries from this client; wait and try again")
    @POST
    @Path("/accept")
    public LinkView accept(@NotNull(message = "a JSON body is required") @Valid InviteViews.TokenRequest request,
                           @Context HttpServerRequest http) {
        return parentInvites.accept(currentUser.get(), request.token(), ClientAddress.of(http));
    }
}
