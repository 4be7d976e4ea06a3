package io.tutoring.users;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A user's notification settings as the rest of the service reads them (preferences saved through
 * {@code /api/me/preferences}, or the defaults for a user who never saved any).
 *
 * <p>Defaults: {@code email = BATCHED}, {@code digestHour = 18}, no time zone chosen (mail times and quiet hours in
 * UTC; pages use the browser's zone), no quiet hours, {@code showMessageText = true}, no office hours and no reply
 * time.
 *
 * @param timeZone the chosen zone, or null when none was chosen
 * @param quietHours null when there are none; {@code from > to} wraps midnight (22:00–07:00)
 */
public record NotificationSettings(UUID userId, EmailFrequency email, int digestHour, ZoneId timeZone,
                                   QuietHours quietHours, boolean showMessageText, List<OfficeHours> officeHours,
                                   Integer replyWithinHours) {

    public static final EmailFrequency DEFAULT_EMAIL = EmailFrequency.BATCHED;
    public static final int DEFAULT_DIGEST_HOUR = 18;

    public static NotificationSettings defaults(UUID userId) {
        return new NotificationSettings(userId, DEFAULT_EMAIL, DEFAULT_DIGEST_HOUR, null, null, true, List.of(), null);
    }

    /** The zone mail times and quiet hours are read in: the chosen one, else UTC. */
    public ZoneId zoneOrUtc() {
        return timeZone == null ? ZoneOffset.UTC : timeZone;
    }

    /** Quiet hours in the user's zone; {@code from} inclusive, {@code to} exclusive. */
    public record QuietHours(LocalTime from, LocalTime to) {

        /** Whether a local time of day falls in the quiet hours. */
        public boolean contains(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    /** One stretch of a tutor's weekly office hours, in the tutor's zone. */
    public record OfficeHours(DayOfWeek day, LocalTime from, LocalTime to) {

        String encode() {
            return day.name() + " " + from + " " + to;
        }

        static OfficeHours decode(String value) {
            String[] parts = value.split(" ");
            return new OfficeHours(DayOfWeek.valueOf(parts[0]), LocalTime.parse(parts[1]), LocalTime.parse(parts[2]));
        }
    }
}
