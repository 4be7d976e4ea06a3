package io.tutoring.notifications;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.users.Caller;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.EmailFrequency;
import io.tutoring.users.PreferencesBody;
import io.tutoring.users.PreferencesService;
import io.tutoring.users.Role;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code /settings}: the notification settings form for anyone signed in; tutors also set office hours (one stretch
 * per weekday here; the API takes several) and their usual reply time. Saves through the same service as
 * {@code PUT /api/me/preferences}; works without JavaScript (POST, then 303 back).
 */
@Path("/settings")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    /** Reply times offered on the form, in hours. */
    static final List<Integer> REPLY_TIMES = List.of(2, 4, 8, 12, 24, 48, 72);
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.equals("UTC") || z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe"
                    + "|Indian|Pacific)/[A-Za-z_/-]+"))
            .sorted().toList();
    static final List<Integer> HOURS = IntStream.range(0, 24).boxed().toList();

    /** One weekday of the office hours form. */
    public record Day(String day, String label, boolean on, String from, String to) {
    }

    /** What the form shows. */
    public record Form(String email, int digestHour, String timeZone, boolean quiet, String quietFrom,
                       String quietTo, boolean showMessageText, boolean tutor, List<Day> days,
                       Integer replyWithinHours) {
    }

    /** Field errors, by the form's field ids, in the order shown in the summary. */
    public record Errors(Map<String, String> byField) {
        public String of(String field) {
            return byField.get(field);
        }

        /** The error of a weekday's field, e.g. {@code of("from-", "MONDAY")}. */
        public String of(String prefix, String day) {
            return byField.get(prefix + day);
        }

        public boolean any() {
            return !byField.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Form form, Errors errors, boolean saved, List<String> zones,
                                                List<Integer> hours, List<Integer> replyTimes, long windowMinutes);
    }

    private final CurrentUser currentUser;
    private final PreferencesService preferences;
    private final Validator validator;
    private final NotificationsConfig config;

    public SettingsPage(CurrentUser currentUser, PreferencesService preferences, Validator validator,
                        NotificationsConfig config) {
        this.currentUser = currentUser;
        this.preferences = preferences;
        this.validator = validator;
        this.config = config;
    }

    @GET
    public TemplateInstance settings(@QueryParam("saved") boolean saved) {
        Caller caller = currentUser.get();
        return page(form(preferences.view(caller), caller.has(Role.TUTOR)), new Errors(Map.of()), saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@BeanParam SettingsForm params) {
        Caller caller = currentUser.get();
        boolean tutor = caller.has(Role.TUTOR);
        PreferencesBody body = body(params, tutor);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<PreferencesBody> v : validator.validate(body)) {
            errors.putIfAbsent(fieldId(v.getPropertyPath().toString(), body), v.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                preferences.save(caller, body);
                return Response.seeOther(URI.create("/settings?saved=true")).build();
            } catch (InvalidInput e) {
                e.fields().forEach(f -> errors.putIfAbsent(fieldId(f.field(), body), f.message()));
                if (errors.isEmpty()) {
                    errors.put("email-BATCHED", e.getMessage());
                }
            }
        }
        return Response.status(400).entity(page(form(body, tutor), new Errors(errors), false)).build();
    }

    private TemplateInstance page(Form form, Errors errors, boolean saved) {
        return Templates.settings(form, errors, saved, ZONES, HOURS, REPLY_TIMES, config.window().toMinutes());
    }

    /** The form's values from the API's shape. */
    static Form form(PreferencesBody p, boolean tutor) {
        List<Day> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            var hours = p.officeHours() == null ? null
                    : p.officeHours().stream().filter(o -> o.day() == d).findFirst().orElse(null);
            days.add(new Day(d.name(), d.getDisplayName(TextStyle.FULL, Locale.ENGLISH), hours != null,
                    hours == null ? "" : hours.from(), hours == null ? "" : hours.to()));
        }
        return new Form(p.email() == null ? EmailFrequency.BATCHED.name() : p.email().name(),
                p.digestHour() == null ? 18 : p.digestHour(), p.timeZone() == null ? "" : p.timeZone(),
                p.quietHours() != null, p.quietHours() == null ? "" : p.quietHours().from(),
                p.quietHours() == null ? "" : p.quietHours().to(),
                p.showMessageText() == null || p.showMessageText(), tutor, days, p.replyWithinHours());
    }

    /** The API's shape from the form's fields (values are checked by the same constraints as the API's). */
    static PreferencesBody body(SettingsForm f, boolean tutor) {
        EmailFrequency email = null;
        try {
            email = EmailFrequency.valueOf(f.email);
        } catch (RuntimeException ignored) {
            // left null: "is required"
        }
        Integer digestHour = integer(f.digestHour);
        String zone = blankToNull(f.timeZone);
        PreferencesBody.QuietHours quiet = f.quiet != null
                ? new PreferencesBody.QuietHours(orEmpty(f.quietFrom), orEmpty(f.quietTo)) : null;
        boolean showText = f.showMessageText != null;
        List<PreferencesBody.OfficeHours> office = null;
        Integer reply = null;
        if (tutor) {
            office = new ArrayList<>();
            for (SettingsForm.DayFields d : f.days()) {
                if (d.on()) {
                    office.add(new PreferencesBody.OfficeHours(d.day(), orEmpty(d.from()), orEmpty(d.to())));
                }
            }
            reply = integer(f.replyWithinHours);
        }
        return new PreferencesBody(email, digestHour, zone, quiet, showText, office, reply);
    }

    /** The id of the form field a constraint path or service field names. */
    static String fieldId(String path, PreferencesBody body) {
        if (path.startsWith("email")) {
            return "email-BATCHED";
        }
        if (path.startsWith("quietHours.from")) {
            return "quietFrom";
        }
        if (path.startsWith("quietHours")) {
            return "quietTo";
        }
        if (path.startsWith("officeHours[")) {
            int i = Integer.parseInt(path.substring("officeHours[".length(), path.indexOf(']')));
            String day = body.officeHours() != null && i < body.officeHours().size()
                    ? body.officeHours().get(i).day().name() : "MONDAY";
            return (path.endsWith(".from") ? "from-" : "to-") + day;
        }
        if (path.startsWith("officeHours")) {
            return "office-MONDAY";
        }
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
