package io.tutoring.invites;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.quarkus.qute.TemplateExtension;
import io.tutoring.common.failures.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Locale;
import java.util.Optional;

/** Normal forms of the addresses invites go to: emails lower-cased, phone numbers in E.164 (libphonenumber). */
@ApplicationScoped
public class InviteAddresses {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public InviteAddresses(InvitesConfig config) {
        this.defaultRegion = config.phoneDefaultRegion().map(r -> r.toUpperCase(Locale.ROOT)).orElse(null);
    }

    public static String email(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The number in E.164, or {@link InvalidInput} that says what is wrong with it. */
    public String phone(String raw, String field) {
        return tryPhone(raw).orElseThrow(() -> new InvalidInput(field + " '" + abbreviate(raw)
                + "' is not a valid phone number" + (defaultRegion == null
                ? "; write it in international form with its country code, e.g. +44 20 7946 0018" : "")));
    }

    /** The number in E.164 when it parses as a valid number; empty otherwise (also for a blank one). */
    public Optional<String> tryPhone(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw.trim(), defaultRegion);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A stored (E.164) number as people write it, grouped in the international form ({@code +44 20 7946 0018});
     * templates write {@code {phone:readable(n)}}. Anything that does not parse is shown as stored.
     */
    @TemplateExtension(namespace = "phone")
    static String readable(String e164) {
        if (e164 == null) {
            return null;
        }
        try {
            return PHONES.format(PHONES.parse(e164, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** The addresses a signed-in user can be invited at, from their token; unverified claims are left out. */
    public InviteeAddress invitee(JsonWebToken jwt) {
        String email = verified(jwt, "email_verified") ? email(string(jwt.getClaim("email"))) : null;
        String phone = verified(jwt, "phone_number_verified")
                ? tryPhone(string(jwt.getClaim("phone_number"))).orElse(null) : null;
        return new InviteeAddress(email, phone);
    }

    /** A claim counts unless the provider says outright that it is not verified. */
    private static boolean verified(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        return !(value == jakarta.json.JsonValue.FALSE || Boolean.FALSE.equals(value) || "false".equals(string(value)));
    }

    private static String string(Object value) {
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
