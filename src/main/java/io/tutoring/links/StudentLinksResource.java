package io.tutoring.links;

import io.tutoring.common.Ids;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** A student's own links to parents. */
@Path("/api/student/links")
@RolesAllowed(Role.STUDENT_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class StudentLinksResource {

    private final FamilyLinks links;
    private final CurrentUser currentUser;

    public StudentLinksResource(FamilyLinks links, CurrentUser currentUser) {
        this.links = links;
        this.currentUser = currentUser;
    }

    @GET
    public List<LinkView> list() {
        return links.ofStudent(currentUser.get());
    }

    /** Ends the link: that parent loses the threads about this student at once; the messages stay. */
    @DELETE
    @Path("/{parentId}")
    public Response remove(@PathParam("parentId") String parentId) {
        links.removeByStudent(currentUser.get(), Ids.parse(parentId, "parentId"));
        return Response.noContent().build();
    }
}
