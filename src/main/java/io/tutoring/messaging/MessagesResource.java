package io.tutoring.messaging;

import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/parent/messages")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    private final MessagingService messaging;
    private final CurrentUser currentUser;

    public MessagesResource(MessagingService messaging, CurrentUser currentUser) {
        this.messaging = messaging;
        this.currentUser = currentUser;
    }

    @POST
    public Response send(@NotNull(message = "a JSON body is required") @Valid SendMessageRequest request) {
        return Response.status(Response.Status.CREATED).entity(messaging.send(currentUser.get(), request)).build();
    }
}
