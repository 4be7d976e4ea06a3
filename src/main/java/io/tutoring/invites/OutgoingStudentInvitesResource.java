package io.tutoring.invites;

import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A parent's invites to students (student invites), as the parent who sent them sees them; and, sharing this path,
 * accepting a parent invite: a student's magic link.
 */
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

    public OutgoingStudentInvitesResource(StudentInviteService studentInvites, ParentInviteService parentInvites,
                                          CurrentUser currentUser, PageLimits limits) {
        this.studentInvites = studentInvites;
        this.parentInvites = parentInvites;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    /** 202 with the same answer whether or not a student has this email or phone. */
    @POST
    public Response invite(@NotNull(message = "a JSON body is required") @Valid InviteStudent request) {
        return Response.accepted(studentInvites.create(currentUser.get(), request.studentEmail(),
                request.studentPhone())).build();
    }

    @GET
    public Page<InviteViews.StudentInviteView> list(@QueryParam("cursor") String cursor,
                                                    @QueryParam("limit") String limit) {
        int size = limits.resolve(limit);
        return studentInvites.outgoing(currentUser.get(), Cursor.decode(cursor, "cursor"), size);
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") String id) {
        studentInvites.revoke(currentUser.get(), Ids.parse(id, "id"));
        return Response.noContent().build();
    }

    /** Accepts a parent invite (a student's magic link): uses up the token and links the caller to the student. */
    @POST
    @Path("/accept")
    public LinkView accept(@NotNull(message = "a JSON body is required") @Valid InviteViews.TokenRequest request,
                           @Context HttpServerRequest http) {
        return parentInvites.accept(currentUser.get(), request.token(), ClientAddress.of(http));
    }
}
