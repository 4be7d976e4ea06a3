package io.tutoring.web;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * Signing in and out. {@code GET /signin} is guarded by the code-flow mechanism (see application.properties): an
 * anonymous browser is sent to the identity provider's login page and comes back here signed in, then goes on to
 * {@code next}. {@code POST /signout} (a form, so CSRF-checked) ends the session here and, where the provider offers
 * it, at the provider too (RP-initiated logout); it ends on the signed-out start page.
 */
@Path("/")
public class SignInPage {

    private static final String SESSION_COOKIE = "q_session";

    private final Viewer viewer;
    private final OidcSession session;

    @Inject
    RoutingContext routing;

    @Inject
    OidcConfigurationMetadata provider;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    public SignInPage(Viewer viewer, OidcSession session) {
        this.viewer = viewer;
        this.session = session;
    }

    @GET
    @Path("signin")
    @Authenticated
    public Response signedIn(@QueryParam("next") String next) {
        String to = Paths.safeReturn(next);
        return Response.seeOther(URI.create("/".equals(to) ? viewer.home() : to)).build();
    }

    @POST
    @Path("signout")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response signOut(@Context UriInfo uri) {
        if (!viewer.isSignedIn()) {
            return Response.seeOther(URI.create("/")).build();
        }
        String idToken = session.getIdToken() == null ? null : session.getIdToken().getRawToken();
        session.logout().await().indefinitely();
        // A large session (Keycloak's tokens) is split into q_session_chunk_N cookies; expire every one of them, or a
        // stale chunk makes the next request a failed sign-in instead of a signed-out one.
        for (String name : routing.request().cookies().stream().map(io.vertx.core.http.Cookie::getName).toList()) {
            if (name.startsWith(SESSION_COOKIE)) {
                routing.response().addCookie(io.vertx.core.http.Cookie.cookie(name, "").setPath("/").setMaxAge(0)
                        .setHttpOnly(true).setSameSite(io.vertx.core.http.CookieSameSite.LAX));
            }
        }
        String endSession = provider == null ? null : provider.getEndSessionUri();
        if (endSession == null || idToken == null) {
            return Response.seeOther(URI.create("/")).build();
        }
        // The provider sends the browser back to our start page; it only accepts addresses registered for the client.
        URI home = uri.getBaseUri().resolve("/");
        URI logout = UriBuilder.fromUri(endSession)
                .queryParam("id_token_hint", idToken)
                .queryParam("post_logout_redirect_uri", home)
                .queryParam("client_id", clientId)
                .build();
        return Response.seeOther(logout).build();
    }
}
