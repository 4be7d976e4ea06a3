package io.tutoring.invites;

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

/**
 * Student invites as the invited student sees them (from parents): matched by the email and phone of the student's
 * token.
 */
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

    @GET
    public Page<InviteViews.IncomingInvite> pending(@QueryParam("cursor") String cursor,
                                                   @QueryParam("limit") String limit) {
        InviteeAddress address = addresses.invitee(jwt);
        int size = limits.resolve(limit);
        return invites.incoming(currentUser.get(), address, Cursor.decode(cursor, "cursor"), size);
    }

    @POST
    @Path("/{id}/confirm")
    public LinkView confirm(@PathParam("id") String id) {
        return invites.confirm(currentUser.get(), addresses.invitee(jwt), Ids.parse(id, "id"));
    }

    @POST
    @Path("/{id}/decline")
    public InviteViews.Created decline(@PathParam("id") String id) {
        return invites.decline(currentUser.get(), addresses.invitee(jwt), Ids.parse(id, "id"));
    }
}
