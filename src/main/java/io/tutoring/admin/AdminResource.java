package io.tutoring.admin;

import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.common.failures.NotFound;
import io.tutoring.enrollments.Enrollments;
import io.tutoring.links.Links;
import io.tutoring.messaging.MessageView;
import io.tutoring.messaging.ThreadView;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Set;
import java.util.UUID;

/** The admin and back-office API: users ahead of sign-in, enrollments, support fixes of links, any thread. */
@Path("/api/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public record RegisterUser(@NotBlank @Size(max = 255) String subject, @NotBlank @Email @Size(max = 320) String email,
                               @NotBlank @Size(max = 200) String name, @Size(max = 32) String phone,
                               @NotEmpty Set<@NotNull Role> roles) {
    }

    public record Registered(UUID id) {
    }

    public record EnrollmentRequest(@NotNull UUID studentId, @NotNull UUID tutorId) {
    }

    public record LinkRequest(@NotNull UUID parentId, @NotNull UUID studentId) {
    }

    private final UserDirectory users;
    private final Enrollments enrollments;
    private final Links links;
    private final AdminService admin;
    private final CurrentUser currentUser;
    private final PageLimits limits;

    public AdminResource(UserDirectory users, Enrollments enrollments, Links links, AdminService admin,
                         CurrentUser currentUser, PageLimits limits) {
        this.users = users;
        this.enrollments = enrollments;
        this.links = links;
        this.admin = admin;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    @POST
    @Path("/users")
    public Registered registerUser(@NotNull @Valid RegisterUser request) {
        return new Registered(users.register(request.subject().trim(), request.email().trim(), request.name().trim(),
                request.phone(), UserDirectory.rolesLiteral(request.roles())));
    }

    @PUT
    @Path("/enrollments")
    public Response enroll(@NotNull @Valid EnrollmentRequest request) {
        enrollments.enroll(request.studentId(), request.tutorId());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/enrollments/{studentId}/{tutorId}")
    public Response endEnrollment(@PathParam("studentId") String studentId, @PathParam("tutorId") String tutorId) {
        if (!enrollments.end(Ids.parse(studentId, "studentId"), Ids.parse(tutorId, "tutorId"))) {
            throw new NotFound("No such enrollment");
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("/links")
    public Response link(@NotNull @Valid LinkRequest request) {
        links.link(request.parentId(), request.studentId(), Links.Action.CREATED_BY_ADMIN, currentUser.get().id());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/links/{parentId}/{studentId}")
    public Response unlink(@PathParam("parentId") String parentId, @PathParam("studentId") String studentId) {
        if (!links.unlink(Ids.parse(parentId, "parentId"), Ids.parse(studentId, "studentId"),
                Links.Action.REMOVED_BY_ADMIN, currentUser.get().id())) {
            throw new NotFound("No such link");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/threads")
    public Page<ThreadView> threads(@QueryParam("parentId") String parentId, @QueryParam("tutorId") String tutorId,
                                    @QueryParam("studentId") String studentId, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") String limit) {
        UUID parent = Ids.parseOptional(parentId, "parentId");
        UUID tutor = Ids.parseOptional(tutorId, "tutorId");
        UUID student = Ids.parseOptional(studentId, "studentId");
        int size = limits.resolve(limit);
        return admin.threads(parent, tutor, student, Cursor.decode(cursor, "cursor"), size);
    }

    @GET
    @Path("/threads/{threadId}/messages")
    public Page<MessageView> read(@PathParam("threadId") String threadId, @QueryParam("before") String before,
                                  @QueryParam("limit") String limit) {
        UUID thread = Ids.parse(threadId, "threadId");
        int size = limits.resolve(limit);
        return admin.read(currentUser.get(), thread, Cursor.decode(before, "before"), size);
    }

    @GET
    @Path("/audit")
    public Page<AdminService.AuditEntry> audit(@QueryParam("threadId") String threadId,
                                               @QueryParam("cursor") String cursor,
                                               @QueryParam("limit") String limit) {
        UUID thread = Ids.parseOptional(threadId, "threadId");
        int size = limits.resolve(limit);
        return admin.audit(thread, Cursor.decode(cursor, "cursor"), size);
    }
}
