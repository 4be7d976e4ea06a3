package io.tutoring.messaging;

import io.tutoring.common.ApiDocs;
import io.tutoring.users.Caller;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Tag(name = ApiDocs.MESSAGING)
@SecurityRequirement(name = ApiDocs.BEARER, scopes = {Role.PARENT_NAME, Role.TUTOR_NAME})
@Path("/api/parent/contacts")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {

    private final ContactsService contacts;
    private final CurrentUser currentUser;

    public ContactsResource(ContactsService contacts, CurrentUser currentUser) {
        this.contacts = contacts;
        this.currentUser = currentUser;
    }

    /** For a tutor, students and their parents; for a parent, children and their tutors. */
    @Operation(summary = "Whom the caller can write to", description = """
            For a tutor: each student they teach, with the student's linked parents. For a parent: each linked \
            student, with the tutors the student is enrolled with. Someone with both roles gets the tutor's view.

            Who may call: a parent or a tutor.""")
    @APIResponse(responseCode = "200", description = "One entry per student", content = @Content(schema = @Schema(
            oneOf = {Contacts.ForTutor[].class, Contacts.ForParent[].class})))
    @GET
    public List<?> contacts() {
        Caller caller = currentUser.get();
        return caller.has(Role.TUTOR) ? contacts.forTutor(caller.id()) : contacts.forParent(caller.id());
    }
}
