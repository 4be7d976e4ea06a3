package io.tutoring.links;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tutoring.users.UserRef;

import java.time.Instant;

/** A parent–student link as its two sides see it. */
@RegisterForReflection
public record LinkView(UserRef parent, UserRef student, Instant linkedAt) {
}
