package io.tutoring.invites;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tutoring.common.Cursor;
import io.tutoring.common.Page;
import io.tutoring.common.Time;
import io.tutoring.common.failures.Conflict;
import io.tutoring.common.failures.Gone;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.common.failures.NotAllowed;
import io.tutoring.common.failures.NotFound;
import io.tutoring.links.FamilyLinks;
import io.tutoring.links.LinkView;
import io.tutoring.links.Links;
import io.tutoring.users.Caller;
import io.tutoring.users.User;
import io.tutoring.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Student invites parent: a magic link by email. The token is the credential: whoever shows it while signed in
 * with the PARENT role becomes the linked parent, whatever email their account has (see docs/invites.md). Tokens
 * are single use: accepting is one conditional update, so of two racing accepts exactly one wins.
 */
@ApplicationScoped
public class ParentInviteService {

    /** What a new or resent invite needs for its email, read in the transaction and sent after the commit. */
    private record Outgoing(UUID id, String email, String studentName, String token, Instant expiresAt) {
    }

    private final InviteQueries queries;
    private final Clock clock;
    private final InvitesConfig config;
    private final Links links;
    private final FamilyLinks familyLinks;
    private final UserDirectory users;
    private final InviteEvents events;
    private final InviteMail mail;
    private final InviteRateLimits rateLimits;

    public ParentInviteService(InviteQueries queries, Clock clock, InvitesConfig config, Links links,
                               FamilyLinks familyLinks, UserDirectory users, InviteEvents events, InviteMail mail,
                               InviteRateLimits rateLimits) {
        this.queries = queries;
        this.clock = clock;
        this.config = config;
        this.links = links;
        this.familyLinks = familyLinks;
        this.users = users;
        this.events = events;
        this.mail = mail;
        this.rateLimits = rateLimits;
    }

    /** Creates the invite and emails the link; the answer is the same whether or not the email has an account. */
    public InviteViews.Created create(Caller student, String rawEmail) {
        String email = InviteAddresses.email(rawEmail);
        rateLimits.invite(student.id());
        Outgoing out = QuarkusTransaction.requiringNew().call(() -> {
            User me = users.require(student.id(), "user");
            if (email.equals(InviteAddresses.email(me.email))) {
                throw new InvalidInput("You cannot invite yourself as your parent");
            }
            if (linkedToParentAt(student.id(), email)) {
                throw new Conflict("You are already linked to the parent with this email");
            }
            Instant now = Time.now(clock);
            queries.expirePending(student.id(), email, now);
            String token = InviteTokens.generate();
            UUID id = UUID.randomUUID();
            Instant expiresAt = now.plus(config.tokenTtl());
            if (!queries.insertParentInvite(id, student.id(), email, InviteTokens.hash(token), expiresAt, now)) {
                throw new Conflict("You already have a pending invite for this email; resend it instead");
            }
            events.record(id, InviteEvents.Action.INVITED, student.id(), now);
            return new Outgoing(id, email, me.name, token, expiresAt);
        });
        mail.sendParentInvite(out.id(), out.email(), out.studentName(), out.token(), out.expiresAt());
        return new InviteViews.Created(out.id(), ParentInvite.Status.PENDING.name());
    }

    /**
     * Sends a pending (or expired) invite again with a new token and a new expiry; the old link stops working.
     * Counts against the same limit as creating.
     */
    public InviteViews.Created resend(Caller student, UUID inviteId) {
        rateLimits.invite(student.id());
        Outgoing out = QuarkusTransaction.requiringNew().call(() -> {
            ParentInvite invite = own(student, inviteId);
            ParentInvite.Status status = ParentInvite.Status.valueOf(invite.status);
            if (status != ParentInvite.Status.PENDING) {
                throw new Conflict("This invite was " + status.name().toLowerCase(java.util.Locale.ROOT)
                        + " and cannot be resent; send a new one");
            }
            Instant now = Time.now(clock);
            String token = InviteTokens.generate();
            invite.tokenHash = InviteTokens.hash(token);
            invite.expiresAt = now.plus(config.tokenTtl());
            events.record(invite.id, InviteEvents.Action.RESENT, student.id(), now);
            return new Outgoing(invite.id, invite.parentEmail, users.require(student.id(), "user").name, token,
                    invite.expiresAt);
        });
        mail.sendParentInvite(out.id(), out.email(), out.studentName(), out.token(), out.expiresAt());
        return new InviteViews.Created(out.id(), ParentInvite.Status.PENDING.name());
    }

    @Transactional
    public void revoke(Caller student, UUID inviteId) {
        ParentInvite invite = own(student, inviteId);
        ParentInvite.Status status = invite.effectiveStatus(Time.now(clock));
        if (status != ParentInvite.Status.PENDING && status != ParentInvite.Status.EXPIRED) {
            throw new Conflict("This invite was already " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        Instant now = Time.now(clock);
        invite.status = ParentInvite.Status.REVOKED.name();
        invite.resolvedAt = now;
        events.record(invite.id, InviteEvents.Action.REVOKED, student.id(), now);
    }

    /** The student's outgoing invites, newest first, each with who accepted it and its history. */
    public Page<InviteViews.ParentInviteView> outgoing(Caller student, Cursor after, int limit) {
        List<InviteQueries.ParentInviteRow> rows = queries.parentInvitesOf(student.id(), after, limit);
        Map<UUID, List<InviteViews.Event>> history = events.of(rows.stream().map(InviteQueries.ParentInviteRow::id)
                .toList());
        Instant now = Time.now(clock);
        List<InviteViews.ParentInviteView> views = rows.stream().map(r -> new InviteViews.ParentInviteView(r.id(),
                r.parentEmail(), "PENDING".equals(r.status()) && !r.expiresAt().isAfter(now) ? "EXPIRED" : r.status(),
                r.expiresAt(), r.parent(), r.createdAt(), r.resolvedAt(), history.getOrDefault(r.id(), List.of())))
                .toList();
        return Page.of(views, limit, v -> new Cursor(false, v.createdAt(), v.id()));
    }

    /** Who invited whom and until when; does not use up the token. */
    public InviteViews.Preview preview(String token, String clientAddress) {
        ParentInvite invite = usable(token, clientAddress);
        String name = users.require(invite.studentId, "student").name;
        return new InviteViews.Preview(name, name, invite.expiresAt);
    }

    /**
     * Uses up the token and links the signed-in parent to the student who sent it; then tells the student, by mail,
     * which account accepted (name and email) and where to remove the link.
     */
    public LinkView accept(Caller parent, String token, String clientAddress) {
        Accepted accepted = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Time.now(clock);
            Optional<InviteQueries.Accepted> won = InviteTokens.wellFormed(token)
                    ? queries.accept(InviteTokens.hash(token), parent.id(), now) : Optional.empty();
            if (won.isEmpty()) {
                usable(token, clientAddress); // throws the NotFound or Gone that says why
                throw new Gone("This invite has already been used");
            }
            UUID inviteId = won.get().inviteId();
            UUID studentId = won.get().studentId();
            if (studentId.equals(parent.id())) {
                throw new NotAllowed("You sent this invite; it must be accepted by the parent you sent it to");
            }
            if (!links.link(parent.id(), studentId, Links.Action.CREATED_BY_INVITE, parent.id())) {
                throw new Conflict("You are already linked to this student");
            }
            events.record(inviteId, InviteEvents.Action.ACCEPTED, parent.id(), now);
            User student = users.require(studentId, "student");
            User accepting = users.require(parent.id(), "user");
            String invitedEmail = ParentInvite.<ParentInvite>findById(inviteId).parentEmail;
            return new Accepted(familyLinks.view(parent.id(), studentId), inviteId, student.email, student.name,
                    invitedEmail, accepting.name, accepting.email);
        });
        if (accepted.studentEmail() != null && !accepted.studentEmail().isBlank()) {
            mail.sendAccepted(accepted.inviteId(), accepted.studentEmail(), accepted.studentName(),
                    accepted.invitedEmail(), accepted.parentName(), accepted.parentEmail());
        }
        return accepted.link();
    }

    /**
     * Why a token that preview or accept refused cannot be used, for a page that says what to do next: its
     * invite's status ({@code EXPIRED}, {@code REVOKED}, {@code ACCEPTED}), or empty when no invite has this token.
     * Call it only after a refusal: it counts as no attempt of its own.
     */
    public Optional<ParentInvite.Status> refusedBecause(String token) {
        if (!InviteTokens.wellFormed(token)) {
            return Optional.empty();
        }
        ParentInvite invite = ParentInvite.<ParentInvite>find("tokenHash", InviteTokens.hash(token)).firstResult();
        return invite == null ? Optional.empty() : Optional.of(invite.effectiveStatus(Time.now(clock)));
    }

    /** What the student's mail about an accepted invite needs, read in the accept's transaction. */
    private record Accepted(LinkView link, UUID inviteId, String studentEmail, String studentName,
                            String invitedEmail, String parentName, String parentEmail) {
    }

    /**
     * The pending, unexpired invite of the token, or the NotFound / Gone that says why there is none. A token that
     * matches no invite is a failed try of {@code clientAddress} (see {@link InviteRateLimits#tokenFailure}); a token
     * that matches one is never limited, so others' junk from a shared address cannot lock its holder out.
     */
    private ParentInvite usable(String token, String clientAddress) {
        ParentInvite invite = InviteTokens.wellFormed(token)
                ? ParentInvite.<ParentInvite>find("tokenHash", InviteTokens.hash(token)).firstResult()
                : null;
        if (invite == null) {
            rateLimits.tokenFailure(clientAddress);
            throw new NotFound("This invite link is not valid; ask for a new one");
        }
        switch (invite.effectiveStatus(Time.now(clock))) {
            case REVOKED -> throw new Gone("This invite was withdrawn by the student who sent it");
            case EXPIRED -> throw new Gone("This invite expired; ask the student to send it again");
            case ACCEPTED -> throw new Gone("This invite has already been used");
            default -> {
                return invite;
            }
        }
    }

    private ParentInvite own(Caller student, UUID inviteId) {
        ParentInvite invite = ParentInvite.findById(inviteId, LockModeType.PESSIMISTIC_WRITE);
        if (invite == null || !invite.studentId.equals(student.id())) {
            throw new NotFound("You have no invite with id " + inviteId);
        }
        return invite;
    }

    private boolean linkedToParentAt(UUID studentId, String email) {
        return queries.linkedToParentAt(studentId, email);
    }
}
