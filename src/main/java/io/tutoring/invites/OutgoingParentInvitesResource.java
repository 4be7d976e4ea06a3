package io.tutoring.invites;

import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A student's invites to parents (parent invites), as the student who sent them sees them: magic links by email. */
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

    public OutgoingParentInvitesResource(ParentInviteService invites, CurrentUser currentUser, PageLimits limits) {
        this.invites = invites;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    /** 202: the email is on its way; the same answer whether or not the address has an account. */
    @POST
    public Response invite(@NotNull(message = "a JSON body is required") @Valid InviteParent request) {
        return Response.accepted(invites.create(currentUser.get(), request.parentEmail())).build();
    }

    @GET
    public Page<InviteViews.ParentInviteView> list(@QueryParam("cursor") String cursor,
                                                   @QueryParam("limit") String limit) {
        int size = limits.resolve(limit);
        return invites.outgoing(currentUser.get(), Cursor.decode(cursor, "cursor"), size);
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        invites.revoke(currentUser.get(), Ids.parse(id, "id"));
        return Response.noContent().build();
    }

    /** Sends the invite again with a new link (the old one stops working) and a new expiry. */
    @POST
    @Path("/{id}/resend")
    public Response resend(@PathParam("id") String id) {
        return Response.accepted(invites.resend(currentUser.get(), Ids.parse(id, "id"))).build();
    }
}
