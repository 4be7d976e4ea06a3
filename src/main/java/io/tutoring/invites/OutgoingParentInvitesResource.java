package io.tutoring.invites;

import io.tutoring.common.ApiDocs;
import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.common.idempotency.Idempotency;
import io.tutoring.users.Caller;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
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

/** A student's invites to parents (parent invites), as the student who sent them sees them: magic links by email. */
@Tag(name = ApiDocs.INVITES)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = Role.STUDENT_NAME)
@Path("/api/student/parent-invites")
@RolesAllowed(Role.STUDENT_NAME)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutgoingParentInvitesResource {

    public record InviteParent(@NotBlank @Email @Size(max = 320) String parentEmail) {
    }

    private final ParentInviteService invites;
    private final CurrentUser currentUser;
    private final PageLimits limits;
    private final Idempotency idempotency;

    public OutgoingParentInvitesResource(ParentInviteService invites, CurrentUser currentUser, PageLimits limits,
                                         Idempotency idempotency) {
        this.invites = invites;
        this.currentUser = currentUser;
        this.limits = limits;
        this.idempotency = idempotency;
    }

    /** 202: the email is on its way; the same answer whether or not the address has an account. */
    @Operation(summary = "Invite a parent", description = """
            Emails a magic link to the parent's address; the parent previews it, signs in (or signs up) and \
            accepts it. The link expires after 7 days unless configured otherwise. The answer is the same whether \
            or not the address has an account.

            Who may call: a student.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "email", value = """
            {"parentEmail": "alice@example.com"}""")))
    @APIResponse(responseCode = "202", description = "The email is on its way", content = @Content(
            schema = @Schema(implementation = InviteViews.Created.class),
            examples = @ExampleObject(name = "created", value = """
                    {"id": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d", "status": "PENDING"}""")))
    @APIResponse(responseCode = "409", description = "Already linked to this parent, or an invite to this address "
            + "is pending (resend it instead)")
    @APIResponse(responseCode = "429", description = "Too many invites sent lately; wait and try again")
    @POST
    public Response invite(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @NotNull(message = "a JSON body is required") @Valid InviteParent request) {
        Caller caller = currentUser.get();
        return idempotency.once(idempotencyKey, caller.id(), "POST /api/student/parent-invites", request,
                () -> Response.accepted(invites.create(caller, request.parentEmail())).build());
    }

    @Operation(summary = "List my invites to parents", description = """
            The caller's invites to parents, newest first, with their status, expiry and history; `parent` is the \
            account that accepted.

            Who may call: a student (their own invites).""")
    @APIResponse(responseCode = "200", description = "A page of invites")
    @GET
    public Page<InviteViews.ParentInviteView> list(@QueryParam("cursor") String cursor,
                                                   @QueryParam("limit") String limit) {
        int size = limits.resolve(limit);
        return invites.outgoing(currentUser.get(), Cursor.decode(cursor, "cursor"), size);
    }

    @Operation(summary = "Revoke an invite to a parent", description = """
            Withdraws a pending invite: its magic link stops working.

            Who may call: the student who sent it.""")
    @APIResponse(responseCode = "204", description = "The invite is revoked")
    @APIResponse(responseCode = "404", description = "The caller has no invite with this id")
    @APIResponse(responseCode = "409", description = "The invite is no longer pending")
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        invites.revoke(currentUser.get(), Ids.parse(id, "id"));
        return Response.noContent().build();
    }

    /** Sends the invite again with a new link (the old one stops working) and a new expiry. */
    @Operation(summary = "Resend an invite to a parent", description = """
            Emails the invite again with a new magic link and a new expiry; the old link stops working.

            Who may call: the student who sent it.""")
    @APIResponse(responseCode = "202", description = "The email is on its way", content = @Content(
            schema = @Schema(implementation = InviteViews.Created.class)))
    @APIResponse(responseCode = "404", description = "The caller has no invite with this id")
    @APIResponse(responseCode = "409", description = "The invite is no longer pending")
    @APIResponse(responseCode = "429", description = "Too many invites sent lately; wait and try again")
    @POST
    @Path("/{id}/resend")
    @Consumes(MediaType.WILDCARD) // no body: a client that sends no Content-Type must not get a 415
    public Response resend(@PathParam("id") String id) {
        return Response.accepted(invites.resend(currentUser.get(), Ids.parse(id, "id"))).build();
    }
}
