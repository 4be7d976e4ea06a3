package io.tutoring.invites;

import io.tutoring.common.ApiDocs;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the page of a parent invite's magic link shows before sign-in. A POST, so the token travels in the body and
 * never in a URL, a log line or a Referer. Reading it never uses up the token.
 */
@Tag(name = ApiDocs.INVITES)
@Path("/api/invites/preview")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ParentInvitePreviewResource {

    private final ParentInviteService invites;

    public ParentInvitePreviewResource(ParentInviteService invites) {
        this.invites = invites;
    }

    @Operation(summary = "Preview a magic link", description = """
            What the invite page shows before the parent signs in: who invited whom, and until when the link is \
            valid. The token (from the link's `#token=` fragment) travels in the body, never in a URL. Reading it \
            does not use it up; tries are limited per client.

            Who may call: anyone holding the link; no sign-in needed.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "token", value = """
            {"token": "k3Jz9QvW2mT8xR1bN6yH4cL0pA7sE5uD"}""")))
    @APIResponse(responseCode = "200", description = "Who invited whom, and the link's expiry", content = @Content(
            schema = @Schema(implementation = InviteViews.Preview.class),
            examples = @ExampleObject(name = "preview", value = """
                    {"studentName": "Carol", "inviterName": "Carol", "expiresAt": "2026-03-09T16:05:11Z"}""")))
    @APIResponse(responseCode = "404", description = "The link is not valid; ask for a new one")
    @APIResponse(responseCode = "410", description = "The invite was withdrawn, has expired or was already used")
    @APIResponse(responseCode = "429", description = "Too many token tries from this client; wait and try again")
    @POST
    public InviteViews.Preview preview(
            @NotNull(message = "a JSON body is required") @Valid InviteViews.TokenRequest request,
            @Context HttpServerRequest http) {
        return invites.preview(request.token(), ClientAddress.of(http));
    }
}
