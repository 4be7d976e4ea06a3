package io.tutoring.invites;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tutoring.common.failures.Conflict;
import io.tutoring.common.failures.Gone;
import io.tutoring.common.failures.NotAllowed;
import io.tutoring.common.failures.NotFound;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import io.tutoring.web.Htmx;
import io.tutoring.web.Viewer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * {@code /invite#token=…}, the page of a magic link. The token sits in the fragment, which browsers never send to a
 * server, so {@code assets/invite.js} reads it, keeps it in {@code sessionStorage} (it survives the trip to the
 * identity provider's login page) and POSTs it in a form body to {@code /invite/preview}, never in a URL: it reaches
 * no access log and no Referer (the page also says {@code Referrer-Policy: no-referrer}, as every page does).
 * Without JavaScript the page says so and offers a form to paste the link. A signed-in parent accepts with a form
 * post to {@code /invite/accept} and lands on {@code /messages}. A link that cannot be used (garbled, expired,
 * revoked, used) gets its own words and what to do next.
 */
@Path("/invite")
@Produces(MediaType.TEXT_HTML)
public class InvitePage {

    /** Longer than this is no link of ours (a token is 43 characters; a link under 200). */
    private static final int MAX_PASTED = 2000;

    /** Why there is nothing to accept: the template picks the words and whether the paste form is offered. */
    public enum Dead { INVALID, EXPIRED, REVOKED, USED, LINKED, OWN, MISSING }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invite(InviteState state);

        static native TemplateInstance invite$result(InviteState state);
    }

    /**
     * What the page shows: the preview of a usable token (and the token, for the accept form), or why it cannot be
     * used, or neither (the first load, before the script has read the fragment).
     */
    public record InviteState(InviteViews.Preview preview, String token, Dead dead, boolean signedIn, boolean parent,
                              String name) {

        /** The paste form is offered when there is no usable token and pasting another could help. */
        public boolean offersPaste() {
            return preview == null && (dead == null || dead == Dead.INVALID || dead == Dead.MISSING);
        }
    }

    private final ParentInviteService invites;
    private final CurrentUser currentUser;
    private final Viewer viewer;

    public InvitePage(ParentInviteService invites, CurrentUser currentUser, Viewer viewer) {
        this.invites = invites;
        this.currentUser = currentUser;
        this.viewer = viewer;
    }

    @GET
    @PermitAll
    public TemplateInstance page() {
        return Templates.invite(state(null, null, null));
    }

    /** Who invited whom, for the token the script read from the fragment (or the link pasted into the form). */
    @POST
    @Path("preview")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@FormParam("token") String pasted, @HeaderParam(Htmx.REQUEST) boolean htmx,
                            @Context HttpServerRequest http) {
        String token = tokenOf(pasted);
        if (token == null) {
            return answer(400, state(null, null, Dead.MISSING), htmx);
        }
        try {
            return answer(200, state(invites.preview(token, ClientAddress.of(http)), token, null), htmx);
        } catch (NotFound | Gone e) {
            return refused(token, htmx);
        }
    }

    /** The signed-in parent takes the invite: the link is made, and the parent goes to their messages. */
    @POST
    @Path("accept")
    @RolesAllowed(Role.PARENT_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@FormParam("token") String pasted, @HeaderParam(Htmx.REQUEST) boolean htmx,
                           @Context HttpServerRequest http) {
        String token = tokenOf(pasted);
        if (token == null) {
            return answer(400, state(null, null, Dead.MISSING), htmx);
        }
        try {
            invites.accept(currentUser.get(), token, ClientAddress.of(http));
        } catch (NotFound | Gone e) {
            return refused(token, htmx);
        } catch (Conflict e) {
            return answer(409, state(null, null, Dead.LINKED), htmx);
        } catch (NotAllowed e) {
            return answer(403, state(null, null, Dead.OWN), htmx);
        }
        return Response.seeOther(URI.create("/messages")).build();
    }

    /** The page for a token that preview or accept refused: 404 for one that never existed, 410 for a spent one. */
    private Response refused(String token, boolean htmx) {
        Dead dead = invites.refusedBecause(token).map(status -> switch (status) {
            case EXPIRED -> Dead.EXPIRED;
            case REVOKED -> Dead.REVOKED;
            case ACCEPTED, PENDING -> Dead.USED;
        }).orElse(Dead.INVALID);
        return answer(dead == Dead.INVALID ? 404 : 410, state(null, null, dead), htmx);
    }

    private Response answer(int status, InviteState state, boolean htmx) {
        return Response.status(status).entity(htmx ? Templates.invite$result(state) : Templates.invite(state)).build();
    }

    private InviteState state(InviteViews.Preview preview, String token, Dead dead) {
        boolean signedIn = viewer.isSignedIn();
        return new InviteState(preview, token, dead, signedIn, signedIn && viewer.has(Role.PARENT_NAME),
                signedIn ? viewer.name() : "");
    }

    /**
     * The token of what the script sent or a person pasted: the token itself, or a whole link
     * ({@code https://…/invite#token=…}); null for nothing at all. What it is not checked here: the service says
     * whether it is a token of an invite.
     */
    static String tokenOf(String pasted) {
        if (pasted == null || pasted.isBlank() || pasted.length() > MAX_PASTED) {
            return null;
        }
        String value = pasted.strip();
        int at = value.indexOf("token=");
        if (at >= 0) {
            value = value.substring(at + "token=".length());
        }
        int end = 0;
        while (end < value.length() && !Character.isWhitespace(value.charAt(end)) && value.charAt(end) != '&') {
            end++;
        }
        value = value.substring(0, end);
        return value.isEmpty() ? null : value;
    }
}
