package io.tutoring.users;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What parents see of a tutor in the thread: the usual reply time and office hours, as one line, e.g.
 * "Usually replies within a day; office hours Mon–Fri 15:00–19:00". For the thread page:
 * {@code availability.line(thread.tutorId(), times.zone())} (empty when the tutor set neither).
 */
@ApplicationScoped
public class Availability {

    private final PreferencesService preferences;

    public Availability(PreferencesService preferences) {
        this.preferences = preferences;
    }

    /** The tutor's reply time and office hours, or empty when the tutor set neither. */
    public Optional<String> line(UUID tutorId) {
        return line(tutorId, null);
    }

    /**
     * As {@link #line(UUID)}; when the tutor chose a time zone other than {@code readerZone}, the office hours say
     * which zone they are in ("… 15:00–19:00 (Europe/Berlin time)").
     */
    public Optional<String> line(UUID tutorId, ZoneId readerZone) {
        NotificationSettings s = preferences.of(tutorId);
        List<String> parts = new ArrayList<>();
        if (s.replyWithinHours() != null) {
            parts.add("Usually replies " + within(s.replyWithinHours()));
        }
        if (!s.officeHours().isEmpty()) {
            String hours = officeHours(s.officeHours());
            if (s.timeZone() != null && readerZone != null
                    && !s.timeZone().getRules().equals(readerZone.getRules())) {
                hours += " (" + s.timeZone().getId() + " time)";
            }
            parts.add((parts.isEmpty() ? "Office hours " : "office hours ") + hours);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    /** "within an hour", "within 3 hours", "within a day", "within 2 days". */
    static String within(int hours) {
        if (hours == 1) {
            return "within an hour";
        }
        if (hours == 24) {
            return "within a day";
        }
        if (hours % 24 == 0) {
            return "within " + hours / 24 + " days";
        }
        return "within " + hours + " hours";
    }

    /** Consecutive days with the same hours as one range: "Mon–Fri 15:00–19:00, Sat 10:00–12:00". */
    static String officeHours(List<NotificationSettings.OfficeHours> hours) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < hours.size()) {
            var first = hours.get(i);
            int j = i;
            while (onlyStretchOfDay(hours, i) && j + 1 < hours.size() && sameHours(hours.get(j + 1), first)
                    && hours.get(j + 1).day().getValue() == hours.get(j).day().getValue() + 1
                    && onlyStretchOfDay(hours, j + 1)) {
                j++;
            }
            String days = j == i ? day(first.day()) : day(first.day()) + "–" + day(hours.get(j).day());
            out.add(days + " " + time(first.from()) + "–" + time(first.to()));
            i = j + 1;
        }
        return String.join(", ", out);
    }

    private static boolean sameHours(NotificationSettings.OfficeHours a, NotificationSettings.OfficeHours b) {
        return a.from().equals(b.from()) && a.to().equals(b.to());
    }

    private static boolean onlyStretchOfDay(List<NotificationSettings.OfficeHours> hours, int index) {
        DayOfWeek day = hours.get(index).day();
        return hours.stream().filter(h -> h.day() == day).count() == 1;
    }

    private static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static String time(LocalTime t) {
        return t.toString();
    }
}
