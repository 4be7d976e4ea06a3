package io.tutoring.web;

import io.tutoring.common.failures.Conflict;
import io.tutoring.common.failures.NotFound;
import io.tutoring.common.failures.RateLimited;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/** Test-only pages that fail the way services and bugs do, to check what a person sees then. */
@Path("/test-only/fail")
@Produces(MediaType.TEXT_HTML)
public class FailingPages {

    @GET
    @Path("not-found")
    public String notFound() {
        // What ThreadAccess answers for another family's thread: the same as for one that does not exist.
        throw new NotFound("No thread with id 0b8f6a55-5c4e-4d8e-9a57-6f1f8d1b2c3d");
    }

    @GET
    @Path("conflict")
    public String conflict() {
        throw new Conflict("This invite was already accepted");
    }

    @GET
    @Path("rate-limited")
    public String rateLimited() {
        throw new RateLimited("Too many invites", Duration.ofSeconds(90));
    }

    @GET
    @Path("unavailable")
    public jakarta.ws.rs.core.Response unavailable() {
        // What StorageFailures answers when S3 cannot be reached.
        return jakarta.ws.rs.core.Response.fromResponse(io.tutoring.common.Problem.response(503,
                "Service unavailable", "The file storage cannot be reached")).header("Retry-After", "30").build();
    }

    @GET
    @Path("bug")
    public String bug() {
        throw new IllegalStateException("secret internal state: password=hunter2");
    }
}
