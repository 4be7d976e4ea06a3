package io.tutoring.links;

import io.tutoring.users.UserRef;

import java.time.Instant;

/** A parent–student link as its two sides see it. */
public record LinkView(UserRef parent, UserRef student, Instant linkedAt) {
}
