package io.tutoring.invites;

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

/**
 * What the page of a parent invite's magic link shows before sign-in. A POST, so the token travels in the body and
 * never in a URL, a log line or a Referer. Reading it never uses up the token.
 */
@Path("/api/invites/preview")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ParentInvitePreviewResource {

    private final ParentInviteService invites;

    public ParentInvitePreviewResource(ParentInviteService invites) {
        this.invites = invites;
    }

    @POST
    public InviteViews.Preview preview(
            @NotNull(message = "a JSON body is required") @Valid InviteViews.TokenRequest request,
            @Context HttpServerRequest http) {
        return invites.preview(request.token(), ClientAddress.of(http));
    }
}
