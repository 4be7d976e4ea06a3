package io.tutoring.invites;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tutoring.common.Ids;
import io.tutoring.common.failures.Conflict;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.links.FamilyLinks;
import io.tutoring.links.LinkView;
import io.tutoring.users.Caller;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import io.tutoring.web.Htmx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /family}: a student invites parents (magic links by email), answers parents' invites and sees and removes
 * their linked parents; a parent invites their children (by email or phone), revokes invites and sees and removes
 * their links. Someone with both roles sees both halves. Forms post here and are redirected back (303) to
 * {@code /family?done=…}; htmx requests get the {@code content} fragment of the same template. Removing a link is
 * {@code links/FamilyLinksPage}. The rules are the API's: the same services, the same input checks.
 */
@Path("/family")
@RolesAllowed({Role.PARENT_NAME, Role.STUDENT_NAME})
@Produces(MediaType.TEXT_HTML)
public class FamilyPage {

    /** Invites of the lists: a family has a handful; older ones are in the API's pages. */
    static final int LIST_SIZE = 50;

    /** The status messages a redirect may ask for ({@code ?done=…}); anything else shows none. */
    static final Set<String> DONE = Set.of("parent-invited", "student-invited", "resent", "revoked", "confirmed",
            "declined", "removed");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance family(FamilyView view);

        static native TemplateInstance family$content(FamilyView view);
    }

    /** What the forms sent back when they need correcting, and the message per field. */
    public record Form(String parentEmail, String studentEmail, String studentPhone, Map<String, String> errors) {

        static final Form EMPTY = new Form("", "", "", Map.of());

        public String error(String field) {
            return errors.get(field);
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /** Everything the page shows; the student's and the parent's halves are empty for someone without the role. */
    public record FamilyView(boolean student, boolean parent, String done,
                             List<InviteViews.ParentInviteView> parentInvites,
                             List<InviteViews.IncomingInvite> incoming, List<LinkView> parents,
                             List<InviteViews.StudentInviteView> studentInvites, List<LinkView> children,
                             Form form) {
    }

    private final ParentInviteService parentInvites;
    private final StudentInviteService studentInvites;
    private final FamilyLinks links;
    private final InviteAddresses addresses;
    private final CurrentUser currentUser;
    private final JsonWebToken jwt;
    private final Validator validator;

    public FamilyPage(ParentInviteService parentInvites, StudentInviteService studentInvites, FamilyLinks links,
                      InviteAddresses addresses, CurrentUser currentUser, JsonWebToken jwt, Validator validator) {
        this.parentInvites = parentInvites;
        this.studentInvites = studentInvites;
        this.links = links;
        this.addresses = addresses;
        this.currentUser = currentUser;
        this.jwt = jwt;
        this.validator = validator;
    }

    @GET
    public TemplateInstance family(@QueryParam("done") String done, @HeaderParam(Htmx.REQUEST) boolean htmx) {
        return render(done != null && DONE.contains(done) ? done : null, Form.EMPTY, htmx);
    }

    // --- A student ---

    @POST
    @Path("parent-invites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.STUDENT_NAME)
    public Response inviteParent(@FormParam("parentEmail") String parentEmail,
                                 @HeaderParam(Htmx.REQUEST) boolean htmx) {
        String email = parentEmail == null ? "" : parentEmail.strip();
        FamilyCopy copy = copy();
        if (email.isEmpty() || !validator.validate(new OutgoingParentInvitesResource.InviteParent(email)).isEmpty()) {
            return invalid(new Form(email, "", "", Map.of("parentEmail", copy.errorEmail())), 400, htmx);
        }
        try {
            parentInvites.create(currentUser.get(), email);
        } catch (InvalidInput e) {
            return invalid(new Form(email, "", "", Map.of("parentEmail", e.getMessage())), 400, htmx);
        } catch (Conflict e) {
            return invalid(new Form(email, "", "", Map.of("parentEmail", e.getMessage())), 409, htmx);
        }
        return done("parent-invited");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("parent-invites/{id}/resend")
    @RolesAllowed(Role.STUDENT_NAME)
    public Response resendParentInvite(@PathParam("id") String id) {
        parentInvites.resend(currentUser.get(), Ids.parse(id, "id"));
        return done("resent");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("parent-invites/{id}/revoke")
    @RolesAllowed(Role.STUDENT_NAME)
    public Response revokeParentInvite(@PathParam("id") String id) {
        parentInvites.revoke(currentUser.get(), Ids.parse(id, "id"));
        return done("revoked");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("invites/{id}/confirm")
    @RolesAllowed(Role.STUDENT_NAME)
    public Response confirm(@PathParam("id") String id) {
        studentInvites.confirm(currentUser.get(), addresses.invitee(jwt), Ids.parse(id, "id"));
        return done("confirmed");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("invites/{id}/decline")
    @RolesAllowed(Role.STUDENT_NAME)
    public Response decline(@PathParam("id") String id) {
        studentInvites.decline(currentUser.get(), addresses.invitee(jwt), Ids.parse(id, "id"));
        return done("declined");
    }

    // --- A parent ---

    @POST
    @Path("student-invites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.PARENT_NAME)
    public Response inviteStudent(@FormParam("studentEmail") String studentEmail,
                                  @FormParam("studentPhone") String studentPhone,
                                  @HeaderParam(Htmx.REQUEST) boolean htmx) {
        String email = studentEmail == null ? "" : studentEmail.strip();
        String phone = studentPhone == null ? "" : studentPhone.strip();
        FamilyCopy copy = copy();
        Map<String, String> errors = new LinkedHashMap<>();
        if (email.isEmpty() && phone.isEmpty()) {
            errors.put("studentEmail", copy.errorEmailOrPhone());
        }
        if (!email.isEmpty() && !validator.validate(
                new OutgoingStudentInvitesResource.InviteStudent(email, null)).isEmpty()) {
            errors.put("studentEmail", copy.errorEmail());
        }
        if (!phone.isEmpty() && addresses.tryPhone(phone).isEmpty()) {
            errors.put("studentPhone", copy.errorPhone());
        }
        if (!errors.isEmpty()) {
            return invalid(new Form("", email, phone, errors), 400, htmx);
        }
        try {
            studentInvites.create(currentUser.get(), email.isEmpty() ? null : email, phone.isEmpty() ? null : phone);
        } catch (InvalidInput e) {
            return invalid(new Form("", email, phone, Map.of("studentEmail", e.getMessage())), 400, htmx);
        } catch (Conflict e) {
            return invalid(new Form("", email, phone, Map.of("studentEmail", e.getMessage())), 409, htmx);
        }
        return done("student-invited");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("student-invites/{id}/revoke")
    @RolesAllowed(Role.PARENT_NAME)
    public Response revokeStudentInvite(@PathParam("id") String id) {
        studentInvites.revoke(currentUser.get(), Ids.parse(id, "id"));
        return done("revoked");
    }

    // --- Rendering ---

    /** After a change: back to the page (PRG); htmx follows the redirect and swaps the page's content. */
    static Response done(String what) {
        return Response.seeOther(URI.create("/family?done=" + what)).build();
    }

    /** The page again with the form's messages next to its fields (ErrorPages leaves a rendered page alone). */
    private Response invalid(Form form, int status, boolean htmx) {
        return Response.status(status).entity(render(null, form, htmx)).build();
    }

    private TemplateInstance render(String done, Form form, boolean htmx) {
        Caller me = currentUser.get();
        boolean student = me.roles().contains(Role.STUDENT);
        boolean parent = me.roles().contains(Role.PARENT);
        FamilyView view = new FamilyView(student, parent, done,
                student ? parentInvites.outgoing(me, null, LIST_SIZE).items() : List.of(),
                student ? studentInvites.incoming(me, addresses.invitee(jwt), null, LIST_SIZE).items() : List.of(),
                student ? links.ofStudent(me) : List.of(),
                parent ? studentInvites.outgoing(me, null, LIST_SIZE).items() : List.of(),
                parent ? links.ofParent(me) : List.of(),
                form);
        return htmx ? Templates.family$content(view) : Templates.family(view);
    }

    private static FamilyCopy copy() {
        return io.quarkus.qute.i18n.MessageBundles.get(FamilyCopy.class);
    }
}
