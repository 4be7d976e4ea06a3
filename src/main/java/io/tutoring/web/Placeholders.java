package io.tutoring.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Stand-ins for the role homes until their journeys land: each journey deletes its method here when it adds its
 * page ({@code messaging/MessagesPage}, {@code invites/FamilyPage}, {@code admin/AdminPage}, the settings page).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Placeholders {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coming(String which);

        static native TemplateInstance noRole();
    }

    @GET
    @Path("messages")
    @RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
    public TemplateInstance messages() {
        return Templates.coming("messages");
    }

    @GET
    @Path("admin")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance admin() {
        return Templates.coming("admin");
    }

    @GET
    @Path("settings")
    @Authenticated
    public TemplateInstance settings() {
        return Templates.coming("settings");
    }

    @GET
    @Path("no-role")
    @Authenticated
    public TemplateInstance noRole() {
        return Templates.noRole();
    }
}
