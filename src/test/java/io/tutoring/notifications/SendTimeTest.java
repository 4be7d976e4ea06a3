package io.tutoring.notifications;

import io.tutoring.users.EmailFrequency;
import io.tutoring.users.NotificationSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When a mail may go: window, digest hour, quiet hours (across midnight and a DST change), in the user's zone. */
class SendTimeTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static NotificationSettings settings(EmailFrequency email, int hour, ZoneId zone, String from, String to) {
        var quiet = from == null ? null : new NotificationSettings.QuietHours(LocalTime.parse(from), LocalTime.parse(to));
        return new NotificationSettings(UUID.randomUUID(), email, hour, zone, quiet, true, List.of(), null);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void batchedGoesWhenDueButNotWithinAWindowOfTheLastMail() {
        var s = settings(EmailFrequency.BATCHED, 18, null, null, null);
        Instant created = at("2026-03-02T10:00:00Z");
        assertEquals(at("2026-03-02T10:10:00Z"), SendTime.earliest(s, created, created.plus(WINDOW), null, WINDOW));
        assertEquals(at("2026-03-02T10:15:00Z"), SendTime.earliest(s, created, created.plus(WINDOW),
                at("2026-03-02T10:05:00Z"), WINDOW));
    }

    @Test
    void quietHoursAcrossMidnightHoldUntilTheyEndInTheUsersZone() {
        var s = settings(EmailFrequency.BATCHED, 18, BERLIN, "21:00", "07:00");
        // 22:50 UTC = 23:50 in Berlin (winter): held to 07:00 Berlin = 06:00 UTC next day.
        Instant created = at("2026-01-14T22:40:00Z");
        assertEquals(at("2026-01-15T06:00:00Z"), SendTime.earliest(s, created, created.plus(WINDOW), null, WINDOW));
        // 05:00 UTC = 06:00 Berlin, still quiet: to 07:00 Berlin the same day.
        created = at("2026-01-15T04:50:00Z");
        assertEquals(at("2026-01-15T06:00:00Z"), SendTime.earliest(s, created, created.plus(WINDOW), null, WINDOW));
        // 19:00 Berlin: not quiet.
        created = at("2026-01-15T17:50:00Z");
        assertEquals(at("2026-01-15T18:00:00Z"), SendTime.earliest(s, created, created.plus(WINDOW), null, WINDOW));
    }

    @Test
    void quietHoursWithinADay() {
        var s = settings(EmailFrequency.BATCHED, 18, ZoneId.of("UTC"), "12:00", "13:30");
        Instant created = at("2026-05-01T12:00:00Z");
        assertEquals(at("2026-05-01T13:30:00Z"), SendTime.earliest(s, created, created.plus(WINDOW), null, WINDOW));
    }

    @Test
    void dailyDigestAtTheDigestHourInTheUsersZoneAcrossADstChange() {
        var s = settings(EmailFrequency.DAILY, 7, BERLIN, null, null);
        // Saturday 28 March 2026 20:00 Berlin (CET); the clocks go forward that night: 07:00 CEST = 05:00 UTC.
        Instant created = at("2026-03-28T19:00:00Z");
        assertEquals(at("2026-03-29T05:00:00Z"), SendTime.earliest(s, created, created.plus(WINDOW), null, WINDOW));
        // Before the hour on the same day: that day's digest.
        created = at("2026-03-30T04:00:00Z");
        assertEquals(at("2026-03-30T05:00:00Z"), SendTime.earliest(s, created, created.plus(WINDOW), null, WINDOW));
    }

    @Test
    void aDigestHourInsideQuietHoursWaitsForTheirEnd() {
        var s = settings(EmailFrequency.DAILY, 6, ZoneId.of("UTC"), "22:00", "07:30");
        Instant created = at("2026-06-01T15:00:00Z");
        assertEquals(at("2026-06-02T07:30:00Z"), SendTime.earliest(s, created, created.plus(WINDOW), null, WINDOW));
    }
}
