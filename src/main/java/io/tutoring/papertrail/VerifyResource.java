package io.tutoring.papertrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.tutoring.common.ApiDocs;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Anyone can check a JSON export; it needs no account and reads nothing stored. */
@Tag(name = ApiDocs.PAPER_TRAIL)
@Path("/api/exports/verify")
@PermitAll
public class VerifyResource {

    private final ExportVerifier verifier;

    public VerifyResource(ExportVerifier verifier) {
        this.verifier = verifier;
    }

    @Operation(summary = "Verify a JSON export", description = """
            Recomputes the hash chain of a JSON export (the body, as `GET …/export` returned it): `valid` when \\
            every message chains from the one before (the first from SHA-256 of the thread id), every hash matches \\
            the message's canonical form and `chainHead` is the last hash. Otherwise `firstBrokenIndex` is the \\
            first message that does not match: a changed character there, or a removed or inserted message before \\
            it. Compare `chainHead` with a copy you trust (the PDF prints it on every page). The body is bounded by \\
            the service's body limit; docs/paper-trail.md verifies any export without this service.

            Who may call: anyone, without signing in.""")
    @APIResponse(responseCode = "200", description = "Whether the export is intact", content = @Content(
            schema = @Schema(implementation = ExportVerifier.Verification.class), examples = {
                    @ExampleObject(name = "intact", value = """
                            {"valid": true, "messages": 3, "chainHead": "5f1c…"}"""),
                    @ExampleObject(name = "tampered", value = """
                            {"valid": false, "messages": 3, "firstBrokenIndex": 1}""")}))
    @APIResponse(responseCode = "400", description = "The body is not a JSON export of a thread")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ExportVerifier.Verification verify(JsonNode export) {
        return verifier.verify(export);
    }
}
