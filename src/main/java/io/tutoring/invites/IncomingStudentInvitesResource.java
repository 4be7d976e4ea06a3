package io.tutoring.invites;

import io.tutoring.common.ApiDocs;
import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.links.LinkView;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Student invites as the invited student sees them (from parents): matched by the email and phone of the student's
 * token.
 */
@Tag(name = ApiDocs.INVITES)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = Role.STUDENT_NAME)
@Path("/api/student/invites")
@RolesAllowed(Role.STUDENT_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class IncomingStudentInvitesResource {

    private final StudentInviteService invites;
    private final InviteAddresses addresses;
    private final CurrentUser currentUser;
    private final JsonWebToken jwt;
    private final PageLimits limits;

    public IncomingStudentInvitesResource(StudentInviteService invites, InviteAddresses addresses,
                                          CurrentUser currentUser, JsonWebToken jwt, PageLimits limits) {
        this.invites = invites;
        this.addresses = addresses;
        this.currentUser = currentUser;
        this.jwt = jwt;
        this.limits = limits;
    }

    @Operation(summary = "List invites from parents", description = """
            Pending invites from parents addressed to the email or phone number in the caller's token.

            Who may call: a student (invites to their own addresses).""")
    @APIResponse(responseCode = "200", description = "A page of pending invites")
    @GET
    public Page<InviteViews.IncomingInvite> pending(@QueryParam("cursor") String cursor,
                                                   @QueryParam("limit") String limit) {
        InviteeAddress address = addresses.invitee(jwt);
        int size = limits.resolve(limit);
        return invites.incoming(currentUser.get(), address, Cursor.decode(cursor, "cursor"), size);
    }

    @Operation(summary = "Confirm a parent's invite", description = """
            Links the inviting parent to the caller.

            Who may call: the student the invite is addressed to.""")
    @APIResponse(responseCode = "200", description = "The new link")
    @APIResponse(responseCode = "404", description = "No invite with this id addressed to the caller")
    @APIResponse(responseCode = "409", description = "The invite was already confirmed or declined")
    @APIResponse(responseCode = "410", description = "The parent revoked the invite")
    @POST
    @Path("/{id}/confirm")
    public LinkView confirm(@PathParam("id") String id) {
        return invites.confirm(currentUser.get(), addresses.invitee(jwt), Ids.parse(id, "id"));
    }

    @Operation(summary = "Decline a parent's invite", description = """
            Turns the invite down; no link is made.

            Who may call: the student the invite is addressed to.""")
    @APIResponse(responseCode = "200", description = "The invite, now declined")
    @APIResponse(responseCode = "404", description = "No invite with this id addressed to the caller")
    @APIResponse(responseCode = "409", description = "The invite was already confirmed or declined")
    @APIResponse(responseCode = "410", description = "The parent revoked the invite")
    @POST
    @Path("/{id}/decline")
    public InviteViews.Created decline(@PathParam("id") String id) {
        return invites.decline(currentUser.get(), addresses.invitee(jwt), Ids.parse(id, "id"));
    }
}
