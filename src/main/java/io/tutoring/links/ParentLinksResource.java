package io.tutoring.links;

import io.tutoring.common.ApiDocs;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A parent's own links to students. */
@Tag(name = ApiDocs.LINKS)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = Role.PARENT_NAME)
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

    @Operation(summary = "List my links", description = """
            The caller's active links, each with the parent, the student and since when they are linked.

            Who may call: a parent (their own links).""")
    @APIResponse(responseCode = "200", description = "The active links")
    @GET
    public List<LinkView> list() {
        return links.ofParent(currentUser.get());
    }

    /** Ends the link: the parent loses the threads about this student at once; the messages stay. */
    @Operation(summary = "Remove a link", description = """
            Ends the link to this student: the parent loses the threads about the student at once (the messages \
            stay; the tutor and admins still see them).

            Who may call: a parent (their own links).""")
    @APIResponse(responseCode = "204", description = "The link is removed")
    @APIResponse(responseCode = "404", description = "The caller is not linked to a student with this id")
    @DELETE
    @Path("/{studentId}")
    public Response remove(@PathParam("studentId") String studentId) {
        links.removeByParent(currentUser.get(), Ids.parse(studentId, "studentId"));
        return Response.noContent().build();
    }
}
