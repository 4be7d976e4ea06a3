package io.tutoring.users;

import java.util.UUID;

/** A user saved notification settings or unsubscribed; fired inside the saving transaction. */
public record PreferencesChanged(UUID userId) {
}
