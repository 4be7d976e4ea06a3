package io.tutoring.users;

import io.quarkus.security.Authenticated;
import io.tutoring.common.ApiDocs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's notification settings (issue 13). */
@Tag(name = ApiDocs.ACCOUNT)
@SecurityRequirement(name = ApiDocs.BEARER)
@Path("/api/me/preferences")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private static final String EXAMPLE = """
            {"email": "BATCHED", "digestHour": 18, "timeZone": "Europe/Berlin",
             "quietHours": {"from": "21:00", "to": "07:00"}, "showMessageText": true,
             "officeHours": [{"day": "MONDAY", "from": "15:00", "to": "19:00"}], "replyWithinHours": 24}""";

    private final CurrentUser currentUser;
    private final PreferencesService preferences;

    public PreferencesResource(CurrentUser currentUser, PreferencesService preferences) {
        this.currentUser = currentUser;
        this.preferences = preferences;
    }

    @Operation(summary = "My notification settings", description = """
            How and when the caller is mailed about unread messages. A user who never saved settings gets the \
            defaults: `email` BATCHED, `digestHour` 18, no `timeZone` (mail in UTC), no `quietHours`, \
            `showMessageText` true. Tutors also get `officeHours` and, when set, `replyWithinHours`, which parents \
            see in the thread.

            Who may call: anyone signed in.""")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(
            schema = @Schema(implementation = PreferencesBody.class),
            examples = @ExampleObject(name = "tutor", value = EXAMPLE)))
    @GET
    public PreferencesBody get() {
        return preferences.view(currentUser.get());
    }

    @Operation(summary = "Save my notification settings", description = """
            Replaces the caller's settings; a field left out gets its default. `email`: BATCHED (at most one mail \
            per batching window), DAILY (a digest at `digestHour` in `timeZone`) or OFF. `timeZone` is an IANA id \
            (`Europe/Berlin`); `quietHours` `{from, to}` as HH:mm in that zone (from after to wraps midnight): mail \
            falling in them waits until they end. Tutors only: `officeHours` `[{day: MONDAY…SUNDAY, from, to}]` and \
            `replyWithinHours` (1–168); anyone else sending them gets a 400.

            Who may call: anyone signed in.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "tutor", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The saved settings", content = @Content(
            schema = @Schema(implementation = PreferencesBody.class),
            examples = @ExampleObject(name = "tutor", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is out of bounds (hour, zone, HH:mm), office hours end "
            + "before they start, or a non-tutor sent tutors' fields")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PreferencesBody put(@NotNull(message = "a JSON body is required") @Valid PreferencesBody body) {
        return preferences.save(currentUser.get(), body);
    }
}
