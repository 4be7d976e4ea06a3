package io.tutoring.users;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** A user as other users see them in lists: id and display name. */
@RegisterForReflection
public record UserRef(UUID id, String name) {
}
