package io.tutoring.notifications;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /unsubscribe#token=…}: the page of a mail's unsubscribe link. Opening it changes nothing; the token stays
 * in the fragment (never sent to a server, never in a log or a Referer) and {@code assets/unsubscribe.js} posts it
 * to {@code /api/notifications/unsubscribe} when the reader presses the button. The mail's List-Unsubscribe URI,
 * {@code /unsubscribe?token=…#token=…}, opens this page too when followed (GET never acts, whatever the query); its
 * RFC 8058 POST is answered by {@link OneClickUnsubscribe} before this resource.
 */
@Path("/unsubscribe")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe();
    }

    @GET
    public TemplateInstance page() {
        return Templates.unsubscribe();
    }
}
