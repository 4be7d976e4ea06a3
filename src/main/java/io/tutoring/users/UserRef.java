package io.tutoring.users;

import java.util.UUID;

/** A user as other users see them in lists: id and display name. */
public record UserRef(UUID id, String name) {
}
