package io.tutoring.users;

import io.quarkus.security.Authenticated;
import io.tutoring.common.ApiDocs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Tag(name = ApiDocs.ACCOUNT)
@SecurityRequirement(name = ApiDocs.BEARER)
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

    @Operation(summary = "The signed-in user", description = """
            The caller's account. The first request of a new subject creates it from the token's `sub`, `email`, \
            `name` and `phone_number`; later requests keep it up to date with those claims and the roles.

            Who may call: anyone signed in.""")
    @APIResponse(responseCode = "200", description = "The caller's account and roles", content = @Content(
            schema = @Schema(implementation = Me.class), examples = @ExampleObject(name = "parent", value = """
                    {"id": "3f8a2c1e-5b7d-4e9a-8c6f-1d2e3f4a5b6c", "email": "alice@example.com",
                     "name": "Alice Parent", "phone": "+14155550100", "roles": ["PARENT"]}""")))
    @GET
    public Me me() {
        Caller caller = currentUser.get();
        User user = directory.require(caller.id(), "user");
        return new Me(user.id, user.email, user.name, user.phone, caller.roles().stream().sorted().toList());
    }
}
