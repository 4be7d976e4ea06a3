package io.tutoring.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The page for a signed-in account that holds none of the four roles (every role's home is now a real page:
 * {@code messaging/MessagesPage}, {@code invites/FamilyPage}, {@code admin/AdminPage}, {@code notifications/SettingsPage}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Placeholders {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance noRole();
    }

    @GET
    @Path("no-role")
    @Authenticated
    public TemplateInstance noRole() {
        return Templates.noRole();
    }
}
