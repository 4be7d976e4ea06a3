package io.tutoring.notifications;

import io.tutoring.common.ApiDocs;
import io.tutoring.users.PreferencesService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One-click unsubscribe (RFC 8058) with the signed token of a mail's footer link; no session, POST only. */
@Tag(name = ApiDocs.ACCOUNT)
@Path("/api/notifications/unsubscribe")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UnsubscribeResource {

    public record TokenRequest(@NotBlank(message = "is required") @Size(max = 200) String token) {
    }

    public record Unsubscribed(String kind, String email) {
    }

    private final UnsubscribeTokens tokens;
    private final PreferencesService preferences;

    public UnsubscribeResource(UnsubscribeTokens tokens, PreferencesService preferences) {
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @Operation(summary = "Unsubscribe from notification mail", description = """
            Turns off the kind of mail the token names for the user it names (today one kind, `messages`: the \
            user's `email` preference becomes OFF). The token comes from the `#token=` fragment of a mail's \
            unsubscribe link (`/unsubscribe#token=…`); it is signed by the service, so no session is needed. \
            Only POST acts: opening the link never unsubscribes. Repeating it is harmless.

            Who may call: anyone holding a mail's token; no sign-in needed.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "token", value = """
            {"token": "M2Y4YTJjMWUtNWI3ZC00ZTlhLThjNmYtMWQyZTNmNGE1YjZjLm1lc3NhZ2VzLjA.q0X9…"}""")))
    @APIResponse(responseCode = "200", description = "Unsubscribed", content = @Content(
            schema = @Schema(implementation = Unsubscribed.class),
            examples = @ExampleObject(name = "done", value = """
                    {"kind": "messages", "email": "OFF"}""")))
    @APIResponse(responseCode = "400", description = "No token, or a token this service did not sign")
    @APIResponse(responseCode = "410", description = "The token has expired")
    @POST
    public Unsubscribed unsubscribe(@NotNull(message = "a JSON body is required") @Valid TokenRequest request) {
        UnsubscribeTokens.Claims claims = tokens.verify(request.token());
        preferences.turnEmailOff(claims.userId());
        return new Unsubscribed(claims.kind().name().toLowerCase(java.util.Locale.ROOT), "OFF");
    }
}
