package io.tutoring.messaging;

import io.tutoring.users.Caller;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

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
    @GET
    public List<?> contacts() {
        Caller caller = currentUser.get();
        return caller.has(Role.TUTOR) ? contacts.forTutor(caller.id()) : contacts.forParent(caller.id());
    }
}
