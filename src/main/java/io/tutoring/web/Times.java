package io.tutoring.web;

import io.quarkus.qute.RawString;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Times in the reader's time zone: their saved preference if a {@link ZonePreference} knows one, else the {@code tz}
 * cookie that {@code app.js} sets from the browser, else UTC. Templates write {@code {inject:times.tag(m.createdAt)}}
 * and get {@code <time datetime="2025-03-01T08:30:00Z">1 Mar 2025, 09:30</time>}.
 */
@Named("times")
@RequestScoped
public class Times {

    /** The cookie that the page script sets to {@code Intl.DateTimeFormat().resolvedOptions().timeZone}. */
    public static final String COOKIE = "tz";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter
            .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.UK);

    private final RoutingContext routing;
    private final Instance<ZonePreference> preferences;
    private final Viewer viewer;
    private ZoneId zone;

    public Times(RoutingContext routing, Instance<ZonePreference> preferences, Viewer viewer) {
        this.routing = routing;
        this.preferences = preferences;
        this.viewer = viewer;
    }

    /** The zone this request's reader reads times in. */
    public ZoneId zone() {
        if (zone == null) {
            zone = preferred().or(this::fromCookie).orElse(ZoneOffset.UTC);
        }
        return zone;
    }

    /** A {@code <time>} element: the instant in ISO-8601 UTC for machines, the reader's local time for people. */
    public RawString tag(Instant instant) {
        return tag(instant, zone());
    }

    /** The instant as the reader reads it, e.g. {@code 1 Mar 2025, 09:30}. */
    public String text(Instant instant) {
        return SHOWN.format(instant.atZone(zone()));
    }

    /** The {@code <time>} element of an instant read in a zone (only digits, letters and punctuation: safe HTML). */
    static RawString tag(Instant instant, ZoneId zone) {
        if (instant == null) {
            return new RawString("");
        }
        return new RawString("<time datetime=\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\">"
                + SHOWN.format(instant.atZone(zone)) + "</time>");
    }

    private Optional<ZoneId> preferred() {
        if (preferences.isUnsatisfied() || !viewer.isSignedIn()) {
            return Optional.empty();
        }
        return preferences.get().readerZone();
    }

    private Optional<ZoneId> fromCookie() {
        Cookie cookie = routing.request().getCookie(COOKIE);
        return cookie == null ? Optional.empty() : parse(cookie.getValue());
    }

    /** A zone id from the browser, or nothing for anything that is not one (the cookie is the client's to set). */
    static Optional<ZoneId> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return Optional.empty();
        }
        String decoded = java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
        try {
            return Optional.of(ZoneId.of(decoded));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
