package io.tutoring.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.tutoring.common.RefusalPage;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The page a browser gets when the HTTP guards refuse a page request before the application runs (a mistyped
 * address with a broken %-escape, an address or headers too long): the error page's words for the status and the
 * way back to the start page, in the site's frame without the signed-in parts, which need the application.
 */
@ApplicationScoped
public class RefusedRequestPage implements RefusalPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(int status, String title, String text);
    }

    @Override
    public boolean wanted(HttpServerRequest request) {
        String path = request.path();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return path != null && Paths.isPage(path) && accept != null && accept.contains("text/html");
    }

    /** A 400, 404 or 414 from the guards is about the address itself; the others have the error page's words. */
    @Override
    public String render(int status) {
        Copy copy = MessageBundles.get(Copy.class);
        String[] words = switch (status) {
            case 400, 404, 414 -> new String[] {copy.refusedAddressTitle(), copy.refusedAddressText()};
            default -> ErrorPages.words(status);
        };
        return Templates.refused(status, words[0], words[1]).render();
    }
}
