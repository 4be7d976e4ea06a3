package io.tutoring.users;

import io.tutoring.common.Time;
import io.tutoring.common.failures.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Notification settings: read by the API, the settings page, the mail worker, the pages' time zone and the thread
 * page's tutor availability; saved by the user (API or settings page) and by a mail's unsubscribe token.
 */
@ApplicationScoped
public class PreferencesService {

    private final Clock clock;
    private final Event<PreferencesChanged> changed;

    public PreferencesService(Clock clock, Event<PreferencesChanged> changed) {
        this.clock = clock;
        this.changed = changed;
    }

    /** The user's settings, or the defaults. */
    public NotificationSettings of(UUID userId) {
        return UserPreferences.<UserPreferences>findByIdOptional(userId).map(PreferencesService::settings)
                .orElseGet(() -> NotificationSettings.defaults(userId));
    }

    /** The time zone the user chose, if any. */
    public Optional<ZoneId> zoneOf(UUID userId) {
        return Optional.ofNullable(of(userId).timeZone());
    }

    /** The caller's settings as the API shows them (tutor-only fields for tutors only). */
    public PreferencesBody view(Caller caller) {
        return body(of(caller.id()), caller.has(Role.TUTOR));
    }

    /**
     * Replaces the caller's settings. Fields left out get their defaults. {@link InvalidInput} for a non-tutor who
     * sends office hours or a reply time, office hours that end before they start, and quiet hours of no length.
     */
    @Transactional
    public PreferencesBody save(Caller caller, PreferencesBody body) {
        boolean tutor = caller.has(Role.TUTOR);
        if (!tutor && body.officeHours() != null) {
            throw InvalidInput.field("officeHours", "only tutors have office hours");
        }
        if (!tutor && body.replyWithinHours() != null) {
            throw InvalidInput.field("replyWithinHours", "only tutors have a usual reply time");
        }
        NotificationSettings.QuietHours quiet = null;
        if (body.quietHours() != null) {
            quiet = new NotificationSettings.QuietHours(LocalTime.parse(body.quietHours().from()),
                    LocalTime.parse(body.quietHours().to()));
            if (quiet.from().equals(quiet.to())) {
                throw InvalidInput.field("quietHours.to", "must differ from quietHours.from");
            }
        }
        List<NotificationSettings.OfficeHours> office = new ArrayList<>();
        List<PreferencesBody.OfficeHours> given = body.officeHours() == null ? List.of() : body.officeHours();
        for (int i = 0; i < given.size(); i++) {
            var o = given.get(i);
            var hours = new NotificationSettings.OfficeHours(o.day(), LocalTime.parse(o.from()),
                    LocalTime.parse(o.to()));
            if (!hours.from().isBefore(hours.to())) {
                throw InvalidInput.field("officeHours[" + i + "].to", "must be after from");
            }
            office.add(hours);
        }
        office.sort(Comparator.comparing(NotificationSettings.OfficeHours::day)
                .thenComparing(NotificationSettings.OfficeHours::from));
        UserPreferences row = UserPreferences.<UserPreferences>findByIdOptional(caller.id()).orElseGet(() -> {
            UserPreferences fresh = new UserPreferences();
            fresh.userId = caller.id();
            return fresh;
        });
        row.email = body.email();
        row.digestHour = (short) (body.digestHour() == null ? NotificationSettings.DEFAULT_DIGEST_HOUR
                : body.digestHour());
        row.timeZone = body.timeZone();
        row.quietFrom = quiet == null ? null : quiet.from();
        row.quietTo = quiet == null ? null : quiet.to();
        row.showMessageText = body.showMessageText() == null || body.showMessageText();
        row.officeHours = office.stream().map(NotificationSettings.OfficeHours::encode).toArray(String[]::new);
        row.replyWithinHours = body.replyWithinHours();
        row.updatedAt = Time.now(clock);
        row.persist();
        changed.fire(new PreferencesChanged(caller.id()));
        return body(settings(row), tutor);
    }

    /** Turns a user's notification mail off (the unsubscribe link of a mail); other settings stay. */
    @Transactional
    public void turnEmailOff(UUID userId) {
        UserPreferences row = UserPreferences.<UserPreferences>findByIdOptional(userId).orElseGet(() -> {
            UserPreferences fresh = new UserPreferences();
            NotificationSettings d = NotificationSettings.defaults(userId);
            fresh.userId = userId;
            fresh.digestHour = (short) d.digestHour();
            fresh.showMessageText = d.showMessageText();
            fresh.officeHours = new String[0];
            return fresh;
        });
        row.email = EmailFrequency.OFF;
        row.updatedAt = Time.now(clock);
        row.persist();
        changed.fire(new PreferencesChanged(userId));
    }

    static NotificationSettings settings(UserPreferences row) {
        var quiet = row.quietFrom == null ? null : new NotificationSettings.QuietHours(row.quietFrom, row.quietTo);
        ZoneId zone = row.timeZone == null ? null : ZoneId.of(row.timeZone);
        var office = Arrays.stream(row.officeHours).map(NotificationSettings.OfficeHours::decode).toList();
        return new NotificationSettings(row.userId, row.email, row.digestHour, zone, quiet, row.showMessageText,
                office, row.replyWithinHours);
    }

    static PreferencesBody body(NotificationSettings s, boolean tutor) {
        var quiet = s.quietHours() == null ? null
                : new PreferencesBody.QuietHours(s.quietHours().from().toString(), s.quietHours().to().toString());
        var office = tutor ? s.officeHours().stream().map(o -> new PreferencesBody.OfficeHours(o.day(),
                o.from().toString(), o.to().toString())).toList() : null;
        return new PreferencesBody(s.email(), s.digestHour(), s.timeZone() == null ? null : s.timeZone().getId(),
                quiet, s.showMessageText(), office, tutor ? s.replyWithinHours() : null);
    }
}
