package io.tutoring.notifications;

import io.tutoring.users.EmailFrequency;
import io.tutoring.users.NotificationSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a recipient's mail may go, from their settings (pure: no clock, no database).
 * <ul>
 * <li>BATCHED: once the oldest queued notice is due (its message stayed unread for the batching window), and no
 * sooner than one window after the previous mail.</li>
 * <li>DAILY: at the first {@code digestHour}:00 (the user's zone) after the oldest queued message.</li>
 * <li>Either way, a time inside the quiet hours moves to their end (in the user's zone, across midnight too).</li>
 * </ul>
 */
final class SendTime {

    private SendTime() {
    }

    static Instant earliest(NotificationSettings settings, Instant oldestCreated, Instant oldestDue,
                            Instant lastMailed, Duration window) {
        ZoneId zone = settings.zoneOrUtc();
        Instant at;
        if (settings.email() == EmailFrequency.DAILY) {
            at = nextDigest(oldestCreated, settings.digestHour(), zone);
        } else {
            at = oldestDue;
        }
        if (lastMailed != null && at.isBefore(lastMailed.plus(window))) {
            at = lastMailed.plus(window);
        }
        return afterQuietHours(at, settings.quietHours(), zone);
    }

    /** The first {@code hour}:00 in {@code zone} at or after {@code after}. */
    static Instant nextDigest(Instant after, int hour, ZoneId zone) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime digest = local.toLocalDate().atTime(hour, 0).atZone(zone);
        if (digest.toInstant().isBefore(after)) {
            digest = local.toLocalDate().plusDays(1).atTime(hour, 0).atZone(zone);
        }
        return digest.toInstant();
    }

    /** {@code at}, or the end of the quiet hours it falls in. */
    static Instant afterQuietHours(Instant at, NotificationSettings.QuietHours quiet, ZoneId zone) {
        if (quiet == null) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!quiet.contains(time)) {
            return at;
        }
        ZonedDateTime end = local.toLocalDate().atTime(quiet.to()).atZone(zone);
        if (!end.toInstant().isAfter(at)) {
            end = local.toLocalDate().plusDays(1).atTime(quiet.to()).atZone(zone);
        }
        return end.toInstant();
    }
}
