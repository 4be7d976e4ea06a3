package io.tutoring.invites;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tutoring.users.UserRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the invite endpoints answer (registered for reflection: the native image serializes them in lists). */
public final class InviteViews {

    private InviteViews() {
    }

    /** The answer to creating or resending an invite; the same whether or not the address has an account. */
    @RegisterForReflection
    public record Created(UUID id, String status) {
    }

    /** One step of an invite's history: INVITED, RESENT, CONFIRMED, DECLINED, ACCEPTED, REVOKED. */
    @RegisterForReflection
    public record Event(String action, UserRef actor, Instant at) {
    }

    /** A parent's outgoing invite to a student. {@code student} is known once the student has answered. */
    @RegisterForReflection
    public record StudentInviteView(UUID id, String studentEmail, String studentPhone, String status,
                                    UserRef student, Instant createdAt, Instant resolvedAt, List<Event> history) {
    }

    /** A pending invite as the invited student sees it. */
    @RegisterForReflection
    public record IncomingInvite(UUID id, UserRef parent, String status, Instant createdAt) {
    }

    /** A student's outgoing invite to a parent. {@code parent} is the account that accepted it. */
    @RegisterForReflection
    public record ParentInviteView(UUID id, String parentEmail, String status, Instant expiresAt, UserRef parent,
                                   Instant createdAt, Instant resolvedAt, List<Event> history) {
    }

    /** What the invite page shows before the parent signs in; reading it does not use up the token. */
    @RegisterForReflection
    public record Preview(String studentName, String inviterName, Instant expiresAt) {
    }

    /** The body of preview and accept. */
    @RegisterForReflection
    public record TokenRequest(@jakarta.validation.constraints.NotBlank
                               @jakarta.validation.constraints.Size(max = 200) String token) {
    }
}
