package io.tutoring.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** {@code /}: what this service is and a sign-in button; a signed-in person goes straight to their role's home. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    private final Viewer viewer;

    public HomePage(Viewer viewer) {
        this.viewer = viewer;
    }

    @GET
    public Response home() {
        if (viewer.isSignedIn()) {
            return Response.seeOther(URI.create(viewer.home())).build();
        }
        return Response.ok(Templates.home()).build();
    }
}
