package io.tutoring.notifications;

import io.tutoring.common.HttpProblems;
import io.tutoring.common.failures.Gone;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.users.PreferencesService;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * RFC 8058 one-click unsubscribe: the mail provider POSTs {@code List-Unsubscribe=One-Click} (a form body) to the
 * {@code List-Unsubscribe} URI of a mail, {@code <PUBLIC_URL>/unsubscribe?token=…#token=…}, with no cookies, no
 * session and no CSRF token, and without the fragment. That is the one form post from outside the pages, so it is
 * answered here, on a Vert.x route before RESTEasy: the pages' CSRF check (quarkus-rest-csrf, which has no per-path
 * exemption, and {@code web/PageRequests}) never sees it. The HTTP guards ({@code common/HttpGuards}) still run first.
 * Only this POST acts: {@code GET /unsubscribe?token=…} (what mail scanners follow) is the confirm page, which changes
 * nothing. Answers: 200 text; 400 (problem+json) without the form field, without a token or with one this service
 * did not sign; 410 for an expired one. Never a redirect (RFC 8058 section 3.2).
 */
@ApplicationScoped
public class OneClickUnsubscribe {

    static final String PATH = "/unsubscribe";
    /** The form field and value of RFC 8058 section 3.1. */
    static final String FIELD = "List-Unsubscribe";
    static final String ONE_CLICK = "One-Click";

    private final UnsubscribeTokens tokens;
    private final PreferencesService preferences;
    private final NotificationsCopy copy;

    public OneClickUnsubscribe(UnsubscribeTokens tokens, PreferencesService preferences, NotificationsCopy copy) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.copy = copy;
    }

    void register(@Observes Router router) {
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(4096).setDeleteUploadedFilesOnEnd(true))
                .blockingHandler(this::unsubscribe, false);
    }

    private void unsubscribe(RoutingContext rc) {
        if (!ONE_CLICK.equals(rc.request().getFormAttribute(FIELD))) {
            HttpProblems.end(rc.response(), 400, "Bad request", "Send the form field List-Unsubscribe=One-Click "
                    + "(RFC 8058), as application/x-www-form-urlencoded or multipart/form-data");
            return;
        }
        List<String> token = rc.queryParam("token");
        if (token.size() != 1) {
            HttpProblems.end(rc.response(), 400, "Bad request", "Send exactly one token query parameter: the "
                    + "List-Unsubscribe link of a mail");
            return;
        }
        UnsubscribeTokens.Claims claims;
        try {
            claims = tokens.verify(token.get(0));
        } catch (InvalidInput e) {
            HttpProblems.end(rc.response(), 400, "Bad request", e.getMessage());
            return;
        } catch (Gone e) {
            HttpProblems.end(rc.response(), 410, "Gone", e.getMessage());
            return;
        }
        preferences.turnEmailOff(claims.userId());
        rc.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(copy.unsubscribeDone() + "\n");
    }
}
