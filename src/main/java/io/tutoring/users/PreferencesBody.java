package io.tutoring.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.util.List;

/**
 * The body of {@code GET}/{@code PUT /api/me/preferences}. A PUT replaces all settings: a field left out gets its
 * default. {@code officeHours} and {@code replyWithinHours} are tutors' only (omitted for others; a non-tutor
 * sending them gets a 400).
 */
@RegisterForReflection
public record PreferencesBody(
        @Schema(description = "How often to mail about unread messages", required = true)
        @NotNull(message = "is required: BATCHED, DAILY or OFF") EmailFrequency email,
        @Schema(description = "Hour (0–23, in timeZone) of the DAILY digest; default 18")
        @Min(0) @Max(23) Integer digestHour,
        @Schema(description = "IANA time zone id, e.g. Europe/Berlin; null: not chosen (mail in UTC)")
        @Size(max = 64) @TimeZoneId String timeZone,
        @Schema(description = "No mail between from and to (HH:mm, in timeZone); null: none") @Valid QuietHours quietHours,
        @Schema(description = "Whether mails quote the first lines of messages; default true") Boolean showMessageText,
        @Schema(description = "Tutors only: weekly office hours, in timeZone")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 21) List<@NotNull @Valid OfficeHours> officeHours,
        @Schema(description = "Tutors only: usual reply time in hours (1–168)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Min(1) @Max(168) Integer replyWithinHours) {

    /** {@code HH:mm}, 00:00 to 23:59. */
    static final String HH_MM = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    static final String HH_MM_MESSAGE = "must be a time of day as HH:mm, e.g. 07:30";

    @RegisterForReflection
    public record QuietHours(@NotNull @Pattern(regexp = HH_MM, message = HH_MM_MESSAGE) String from,
                             @NotNull @Pattern(regexp = HH_MM, message = HH_MM_MESSAGE) String to) {
    }

    @RegisterForReflection
    public record OfficeHours(@NotNull DayOfWeek day,
                              @NotNull @Pattern(regexp = HH_MM, message = HH_MM_MESSAGE) String from,
                              @NotNull @Pattern(regexp = HH_MM, message = HH_MM_MESSAGE) String to) {
    }
}
