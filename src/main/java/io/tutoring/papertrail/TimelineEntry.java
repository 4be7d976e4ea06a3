package io.tutoring.papertrail;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tutoring.users.UserRef;

import java.time.Instant;

/**
 * One step of a family's history: {@code type} INVITE (with {@code invite} PARENT_INVITED_STUDENT or
 * STUDENT_INVITED_PARENT; {@code action} INVITED, RESENT, CONFIRMED, DECLINED, ACCEPTED, REVOKED), LINK (the
 * link's action, e.g. CREATED_BY_INVITE, REMOVED_BY_PARENT), ENROLLMENT (STARTED, ENDED) or ADMIN_READ (the admin
 * audit's action: READ_MESSAGES, READ_ATTACHMENT, EXPORT). {@code actor} is who did it, when known.
 */
@RegisterForReflection
public record TimelineEntry(Instant at, String type, String action,
                            @JsonInclude(JsonInclude.Include.NON_NULL) UserRef actor,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String invite) {
}
