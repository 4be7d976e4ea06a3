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

/** A parent's own links to students. */
@Path("/api/parent/links")
@RolesAllowed(Role.PARENT_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class ParentLinksResource {

    private final FamilyLinks links;
    private final CurrentUser currentUser;

    public ParentLinksResource(FamilyLinks links, CurrentUser currentUser) {
        this.links = links;
        this.currentUser = currentUser;
    }

    @GET
    public List<LinkView> list() {
        return links.ofParent(currentUser.get());
    }

    /** Ends the link: the parent loses the threads about this student at once; the messages stay. */
    @DELETE
    @Path("/{studentId}")
    public Response remove(@PathParam("studentId") String studentId) {
        links.removeByParent(currentUser.get(), Ids.parse(studentId, "studentId"));
        return Response.noContent().build();
    }
}
