package io.tutoring.admin;

import io.tutoring.common.ApiDocs;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;
import java.util.UUID;

/** The admin and back-office API: users ahead of sign-in, enrollments, support fixes of links, any thread. */
@Tag(name = ApiDocs.ADMIN)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = Role.ADMIN_NAME)
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

    @Operation(summary = "Register or update a user", description = """
            Registers a user by the identity provider's subject before their first sign-in (or updates them), so \
            that enrollments and links can be made for them. Their first sign-in keeps the same id.

            Who may call: an admin (or the platform's back office as an admin client).""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "student", value = """
            {"subject": "5f0c6a2e-idp-subject", "email": "carol@example.com", "name": "Carol",
             "roles": ["STUDENT"]}""")))
    @APIResponse(responseCode = "200", description = "The user's id", content = @Content(
            schema = @Schema(implementation = Registered.class),
            examples = @ExampleObject(name = "registered", value = """
                    {"id": "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9"}""")))
    @POST
    @Path("/users")
    public Registered registerUser(@NotNull @Valid RegisterUser request) {
        return new Registered(users.register(request.subject().trim(), request.email().trim(), request.name().trim(),
                request.phone(), UserDirectory.rolesLiteral(request.roles())));
    }

    @Operation(summary = "Enroll a student with a tutor", description = """
            Records that the tutor teaches the student (from the platform's purchases); enrolling twice changes \
            nothing.

            Who may call: an admin.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "enrollment", value = """
            {"studentId": "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9",
             "tutorId": "9b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e"}""")))
    @APIResponse(responseCode = "204", description = "The student is enrolled with the tutor")
    @APIResponse(responseCode = "404", description = "No user with one of these ids")
    @APIResponse(responseCode = "422", description = "The student lacks the STUDENT role or the tutor the TUTOR role")
    @PUT
    @Path("/enrollments")
    public Response enroll(@NotNull @Valid EnrollmentRequest request) {
        enrollments.enroll(request.studentId(), request.tutorId(), currentUser.get().id());
        return Response.noContent().build();
    }

    @Operation(summary = "End an enrollment", description = """
            Neither side can send in their threads any more; both keep reading them.

            Who may call: an admin.""")
    @APIResponse(responseCode = "204", description = "The enrollment has ended")
    @APIResponse(responseCode = "404", description = "No such enrollment")
    @DELETE
    @Path("/enrollments/{studentId}/{tutorId}")
    public Response endEnrollment(@PathParam("studentId") String studentId, @PathParam("tutorId") String tutorId) {
        if (!enrollments.end(Ids.parse(studentId, "studentId"), Ids.parse(tutorId, "tutorId"),
                currentUser.get().id())) {
            throw new NotFound("No such enrollment");
        }
        return Response.noContent().build();
    }

    @Operation(summary = "Link a parent to a student", description = """
            A support fix: creates the parent–student link that invites would make, recorded as made by an admin.

            Who may call: an admin.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "link", value = """
            {"parentId": "3f8a2c1e-5b7d-4e9a-8c6f-1d2e3f4a5b6c",
             "studentId": "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9"}""")))
    @APIResponse(responseCode = "204", description = "The parent is linked to the student")
    @APIResponse(responseCode = "404", description = "No user with one of these ids")
    @APIResponse(responseCode = "422", description = "The parent lacks the PARENT role or the student the STUDENT "
            + "role")
    @PUT
    @Path("/links")
    public Response link(@NotNull @Valid LinkRequest request) {
        links.link(request.parentId(), request.studentId(), Links.Action.CREATED_BY_ADMIN, currentUser.get().id());
        return Response.noContent().build();
    }

    @Operation(summary = "Remove a link", description = """
            A support fix: ends the link, recorded as removed by an admin. The parent loses the threads about the \
            student at once; the messages stay.

            Who may call: an admin.""")
    @APIResponse(responseCode = "204", description = "The link is removed")
    @APIResponse(responseCode = "404", description = "No such link")
    @DELETE
    @Path("/links/{parentId}/{studentId}")
    public Response unlink(@PathParam("parentId") String parentId, @PathParam("studentId") String studentId) {
        if (!links.unlink(Ids.parse(parentId, "parentId"), Ids.parse(studentId, "studentId"),
                Links.Action.REMOVED_BY_ADMIN, currentUser.get().id())) {
            throw new NotFound("No such link");
        }
        return Response.noContent().build();
    }

    @Operation(summary = "Find any threads", description = """
            Threads of any family, newest activity first, filtered by parent, tutor and student (all optional). \
            Listing reads no messages and is not recorded.

            Who may call: an admin.""")
    @Parameter(name = "parentId", in = ParameterIn.QUERY, description = "Only threads of this parent")
    @Parameter(name = "tutorId", in = ParameterIn.QUERY, description = "Only threads of this tutor")
    @Parameter(name = "studentId", in = ParameterIn.QUERY, description = "Only threads about this student")
    @APIResponse(responseCode = "200", description = "A page of threads")
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

    @Operation(summary = "Read any thread", description = """
            A page of the thread's messages, newest first. Stamps nothing read, and records the read (who, which \
            thread, when) in the audit.

            Who may call: an admin.""")
    @APIResponse(responseCode = "200", description = "A page of messages, newest first")
    @APIResponse(responseCode = "404", description = "No thread with this id")
    @GET
    @Path("/threads/{threadId}/messages")
    public Page<MessageView> read(@PathParam("threadId") String threadId, @QueryParam("before") String before,
                                  @QueryParam("limit") String limit) {
        UUID thread = Ids.parse(threadId, "threadId");
        int size = limits.resolve(limit);
        return admin.read(currentUser.get(), thread, Cursor.decode(before, "before"), size);
    }

    @Operation(summary = "The audit of admin reads", description = """
            Every admin read of a thread or download of an attachment, newest first.

            Who may call: an admin.""")
    @Parameter(name = "threadId", in = ParameterIn.QUERY, description = "Only the reads of this thread")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
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
