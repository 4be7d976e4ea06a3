package io.tutoring.links;

import io.tutoring.common.Ids;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The link-removal forms of {@code /family} (the page itself is {@code invites/FamilyPage}, which shows invites and
 * links): a student removes a parent, a parent removes a child, then back to the page. Beside the links API and
 * through the same service; the path says which side removes, for someone who is both a parent and a student.
 */
@Path("/family")
@Produces(MediaType.TEXT_HTML)
public class FamilyLinksPage {

    private final FamilyLinks links;
    private final CurrentUser currentUser;

    public FamilyLinksPage(FamilyLinks links, CurrentUser currentUser) {
        this.links = links;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("parents/{parentId}/remove")
    @RolesAllowed(Role.STUDENT_NAME)
    public Response removeParent(@PathParam("parentId") String parentId) {
        links.removeByStudent(currentUser.get(), Ids.parse(parentId, "parentId"));
        return removed();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("students/{studentId}/remove")
    @RolesAllowed(Role.PARENT_NAME)
    public Response removeStudent(@PathParam("studentId") String studentId) {
        links.removeByParent(currentUser.get(), Ids.parse(studentId, "studentId"));
        return removed();
    }

    private static Response removed() {
        return Response.seeOther(URI.create("/family?done=removed")).build();
    }
}
