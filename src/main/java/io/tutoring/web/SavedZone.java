package io.tutoring.web;

import io.tutoring.users.CurrentUser;
import io.tutoring.users.PreferencesService;
import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import org.jboss.logging.Logger;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The {@link ZonePreference} of the pages: the time zone the signed-in reader saved in their settings. Nothing on
 * the event loop (error pages rendered there fall back to the {@code tz} cookie) and nothing when the lookup fails.
 */
@RequestScoped
public class SavedZone implements ZonePreference {

    private static final Logger LOG = Logger.getLogger(SavedZone.class);

    private final CurrentUser currentUser;
    private final PreferencesService preferences;

    public SavedZone(CurrentUser currentUser, PreferencesService preferences) {
        this.currentUser = currentUser;
        this.preferences = preferences;
    }

    @Override
    public Optional<ZoneId> readerZone() {
        if (Context.isOnEventLoopThread()) {
            return Optional.empty();
        }
        try {
            return preferences.zoneOf(currentUser.get().id());
        } catch (RuntimeException e) {
            LOG.debugf("No saved time zone for this reader (%s)", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
