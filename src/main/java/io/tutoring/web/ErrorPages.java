package io.tutoring.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tutoring.common.Problem;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URLEncoder;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;

/**
 * The one mapper of failures to pages. Every failure already has an answer: {@code common/ProblemMappers} turns the
 * services' domain exceptions, 404/405 and the rest into problem+json, {@link #unexpected} does the same for
 * exceptions nobody expected, and a refused CSRF check ends as a bare 400. For a page request (anything outside {@code /api/} and {@code /q/}) this filter
 * replaces that answer, keeping its status and headers ({@code Retry-After}), with a page in the site's layout:
 * what happened and what to do next, from {@link Copy}, never the exception's text or a stack trace. A 401 becomes
 * the way to the login page instead: a redirect to {@code /signin?next=…}, or for htmx an {@code HX-Redirect}, since
 * htmx would otherwise swap the provider's login page into a fragment.
 * <p>
 * A page that renders its own error (a form with messages next to its fields) returns a template, not a problem,
 * and passes untouched.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String text, String detail);
    }

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Viewer viewer;
    private final CurrentIdentityAssociation identities;

    public ErrorPages(Viewer viewer, CurrentIdentityAssociation identities) {
        this.viewer = viewer;
        this.identities = identities;
    }

    /**
     * A failure nobody expected (a bug, a lost connection): logged with its stack trace, answered as a plain 500
     * without its text: problem+json for the API, the error page for pages (via {@link #render}).
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (clientGone(e)) {
            // The browser went on (another page, a closed tab) while the answer was being written: nobody to tell,
            // and nothing an operator must look at.
            LOG.debugf("The client closed the connection before the answer was written: %s", e);
        } else {
            LOG.error("Unexpected failure while handling a request", e);
        }
        return Problem.response(500, "Server error", "The server could not complete the request");
    }

    /** Whether the failure is only the client's connection closing under the answer. */
    static boolean clientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    @ServerResponseFilter
    public Uni<Void> render(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        Object entity = response.getEntity();
        if (status < 400 || !Paths.isPage(request.getUriInfo().getPath())
                || (entity != null && !(entity instanceof Problem))) {
            return Uni.createFrom().voidItem();
        }
        if (status == 401) {
            toSignIn(request, response);
            return Uni.createFrom().voidItem();
        }
        String detail = entity instanceof Problem problem && showsDetail(status) ? problem.detail() : null;
        // The layout shows who is signed in; on the event loop the identity must be resolved without blocking.
        return identities.getDeferredIdentity()
                .onFailure().recoverWithItem(() -> null)
                .invoke(identity -> viewer.resolved(identity != null ? identity
                        : QuarkusSecurityIdentity.builder().setAnonymous(true).build()))
                .invoke(identity -> page(request, response, status, detail))
                .replaceWithVoid();
    }

    private static void toSignIn(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
        boolean htmx = "true".equals(request.getHeaderString(Htmx.REQUEST));
        String back;
        if (htmx) {
            back = Paths.pathOf(request.getHeaderString(Htmx.CURRENT_URL));
        } else if ("GET".equals(request.getMethod())) {
            var uri = request.getUriInfo().getRequestUri();
            back = Paths.safeReturn(uri.getRawQuery() == null ? uri.getRawPath()
                    : uri.getRawPath() + "?" + uri.getRawQuery());
        } else {
            back = "/";
        }
        String signIn = "/".equals(back) ? "/signin" : "/signin?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        if (htmx) {
            // htmx follows this with a full page load; a 401 keeps any swap from happening.
            response.getHeaders().putSingle(Htmx.REDIRECT, signIn);
            response.setEntity(null);
        } else {
            response.setStatus(303);
            response.getHeaders().putSingle(HttpHeaders.LOCATION, signIn);
            response.setEntity(null);
        }
    }

    private static void page(ContainerRequestContext request, ContainerResponseContext response, int status,
            String detail) {
        String[] words = words(status);
        String html = Templates.error(status, words[0], words[1], detail).render();
        response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        if ("true".equals(request.getHeaderString(Htmx.REQUEST))) {
            // The whole page replaces the page's content, not the fragment that was asked for.
            response.getHeaders().putSingle(Htmx.RETARGET, "body");
            response.getHeaders().putSingle(Htmx.RESWAP, "innerHTML");
        }
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /** A status's own words on a page: its title, and what happened or what to do next. */
    static String[] words(int status) {
        Copy copy = MessageBundles.get(Copy.class);
        return switch (status) {
            case 400, 422 -> new String[] {copy.error400Title(), copy.error400Text()};
            case 403 -> new String[] {copy.error403Title(), copy.error403Text()};
            case 404 -> new String[] {copy.error404Title(), copy.error404Text()};
            case 405 -> new String[] {copy.error405Title(), copy.error405Text()};
            case 409 -> new String[] {copy.error409Title(), copy.error409Text()};
            case 410 -> new String[] {copy.error410Title(), copy.error410Text()};
            case 413 -> new String[] {copy.error413Title(), copy.error413Text()};
            case 429 -> new String[] {copy.error429Title(), copy.error429Text()};
            case 503 -> new String[] {copy.error503Title(), copy.error503Text()};
            default -> status >= 500 ? new String[] {copy.error500Title(), copy.error500Text()}
                    : new String[] {copy.errorTitle(), copy.errorBack()};
        };
    }

    /**
     * The services write the messages of these kinds for the person who made the request ("the message is empty");
     * the others could say more than a page should (what exists, what failed inside), so their page says only
     * the status's own words.
     */
    private static boolean showsDetail(int status) {
        return status == 400 || status == 409 || status == 410 || status == 422;
    }
}
