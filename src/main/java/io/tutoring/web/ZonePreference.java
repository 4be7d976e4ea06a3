package io.tutoring.web;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The signed-in reader's saved time zone (the {@code timeZone} of their preferences, issue 13). Implement it as a
 * bean where the preferences live; {@link Times} prefers it to the browser's {@code tz} cookie.
 */
public interface ZonePreference {

    /** The zone the signed-in reader chose, if any. Called at most once per request. */
    Optional<ZoneId> readerZone();
}
