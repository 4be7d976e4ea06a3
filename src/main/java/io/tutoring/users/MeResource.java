package io.tutoring.users;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(UUID id, String email, String name, String phone, List<Role> roles) {
    }

    private final CurrentUser currentUser;
    private final UserDirectory directory;

    public MeResource(CurrentUser currentUser, UserDirectory directory) {
        this.currentUser = currentUser;
        this.directory = directory;
    }

    @GET
    public Me me() {
        Caller caller = currentUser.get();
        User user = directory.require(caller.id(), "user");
        return new Me(user.id, user.email, user.name, user.phone, caller.roles().stream().sorted().toList());
    }
}
