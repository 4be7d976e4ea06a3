package io.tutoring.invites;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tutoring.common.ApiException;
import io.tutoring.common.Cursor;
import io.tutoring.common.Keyset;
import io.tutoring.common.Page;
import io.tutoring.common.Time;
import io.tutoring.links.FamilyLinks;
import io.tutoring.links.LinkView;
import io.tutoring.links.Links;
import io.tutoring.users.Caller;
import io.tutoring.users.User;
import io.tutoring.users.UserDirectory;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private final EntityManager em;
    private final Clock clock;
    private final InvitesConfig config;
    private final Links links;
    private final FamilyLinks familyLinks;
    private final UserDirectory users;
    private final InviteEvents events;
    private final InviteMail mail;
    private final InviteRateLimits rateLimits;

    public ParentInviteService(EntityManager em, Clock clock, InvitesConfig config, Links links,
                               FamilyLinks familyLinks, UserDirectory users, InviteEvents events, InviteMail mail,
                               InviteRateLimits rateLimits) {
        this.em = em;
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
                throw ApiException.badRequest("You cannot invite yourself as your parent");
            }
            if (linkedToParentAt(student.id(), email)) {
                throw ApiException.conflict("You are already linked to the parent with this email");
            }
            Instant now = Time.now(clock);
            // A pending invite past its expiry no longer blocks a new one.
            em.createNativeQuery("""
                            update parent_invite set status = 'EXPIRED'
                             where student_id = :s and parent_email = :e and status = 'PENDING' and expires_at <= :now""")
                    .setParameter("s", student.id()).setParameter("e", email).setParameter("now", now)
                    .executeUpdate();
            String token = InviteTokens.generate();
            UUID id = UUID.randomUUID();
            Instant expiresAt = now.plus(config.tokenTtl());
            int inserted = em.createNativeQuery("""
                            insert into parent_invite (id, student_id, parent_email, token_hash, status, expires_at,
                                                       created_at)
                            values (:id, :s, :e, :hash, 'PENDING', :exp, :now)
                            on conflict do nothing""")
                    .setParameter("id", id).setParameter("s", student.id()).setParameter("e", email)
                    .setParameter("hash", InviteTokens.hash(token)).setParameter("exp", expiresAt)
                    .setParameter("now", now)
                    .executeUpdate();
            if (inserted == 0) {
                throw ApiException.conflict("You already have a pending invite for this email; resend it instead");
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
                throw ApiException.conflict("This invite was " + status.name().toLowerCase(java.util.Locale.ROOT)
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
            throw ApiException.conflict("This invite was already " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        Instant now = Time.now(clock);
        invite.status = ParentInvite.Status.REVOKED.name();
        invite.resolvedAt = now;
        events.record(invite.id, InviteEvents.Action.REVOKED, student.id(), now);
    }

    /** The student's outgoing invites, newest first, each with who accepted it and its history. */
    @SuppressWarnings("unchecked")
    public Page<InviteViews.ParentInviteView> outgoing(Caller student, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor, "cursor");
        StringBuilder sql = new StringBuilder("""
                select i.id, i.parent_email, i.status, i.expires_at, i.parent_id, p.name, i.created_at,
                       i.resolved_at
                  from parent_invite i left join app_user p on p.id = i.parent_id
                 where i.student_id = :me""");
        Query q = Keyset.newestFirst(em, sql, "i.created_at", "i.id", after, limit).setParameter("me", student.id());
        List<Object[]> rows = q.getResultList();
        Map<UUID, List<InviteViews.Event>> history = events.of(rows.stream().map(r -> (UUID) r[0]).toList());
        Instant now = Time.now(clock);
        List<InviteViews.ParentInviteView> views = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            Instant expiresAt = Time.instant(r[3]);
            String status = "PENDING".equals(r[2]) && !expiresAt.isAfter(now) ? "EXPIRED" : (String) r[2];
            views.add(new InviteViews.ParentInviteView(id, (String) r[1], status, expiresAt,
                    r[4] == null ? null : new UserRef((UUID) r[4], (String) r[5]), Time.instant(r[6]),
                    Time.instant(r[7]), history.getOrDefault(id, List.of())));
        }
        return Page.of(views, limit, v -> new Cursor(false, v.createdAt(), v.id()));
    }

    /** Who invited whom and until when; does not use up the token. */
    public InviteViews.Preview preview(String token, String clientAddress) {
        rateLimits.tokenAttempt(clientAddress);
        ParentInvite invite = usable(token);
        String name = users.require(invite.studentId, "student").name;
        return new InviteViews.Preview(name, name, invite.expiresAt);
    }

    /** Uses up the token and links the signed-in parent to the student who sent it. */
    public LinkView accept(Caller parent, String token, String clientAddress) {
        rateLimits.tokenAttempt(clientAddress);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Time.now(clock);
            @SuppressWarnings("unchecked")
            List<Object[]> won = InviteTokens.wellFormed(token) ? em.createNativeQuery("""
                            update parent_invite set status = 'ACCEPTED', parent_id = :p, resolved_at = :now
                             where token_hash = :hash and status = 'PENDING' and expires_at > :now
                            returning id, student_id""")
                    .setParameter("p", parent.id()).setParameter("now", now)
                    .setParameter("hash", InviteTokens.hash(token))
                    .getResultList() : List.of();
            if (won.isEmpty()) {
                usable(token); // throws the 404 or 410 that says why
                throw ApiException.gone("This invite has already been used");
            }
            UUID inviteId = (UUID) won.get(0)[0];
            UUID studentId = (UUID) won.get(0)[1];
            if (studentId.equals(parent.id())) {
                throw ApiException.forbidden("You sent this invite; it must be accepted by the parent you sent it to");
            }
            if (!links.link(parent.id(), studentId, Links.Action.CREATED_BY_INVITE, parent.id())) {
                throw ApiException.conflict("You are already linked to this student");
            }
            events.record(inviteId, InviteEvents.Action.ACCEPTED, parent.id(), now);
            return familyLinks.view(parent.id(), studentId);
        });
    }

    /** The pending, unexpired invite of the token, or the 404 / 410 that says why there is none. */
    private ParentInvite usable(String token) {
        ParentInvite invite = InviteTokens.wellFormed(token)
                ? ParentInvite.<ParentInvite>find("tokenHash", InviteTokens.hash(token)).firstResult()
                : null;
        if (invite == null) {
            throw ApiException.notFound("This invite link is not valid; ask for a new one");
        }
        switch (invite.effectiveStatus(Time.now(clock))) {
            case REVOKED -> throw ApiException.gone("This invite was withdrawn by the student who sent it");
            case EXPIRED -> throw ApiException.gone("This invite expired; ask the student to send it again");
            case ACCEPTED -> throw ApiException.gone("This invite has already been used");
            default -> {
                return invite;
            }
        }
    }

    private ParentInvite own(Caller student, UUID inviteId) {
        ParentInvite invite = em.find(ParentInvite.class, inviteId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (invite == null || !invite.studentId.equals(student.id())) {
            throw ApiException.notFound("You have no invite with id " + inviteId);
        }
        return invite;
    }

    private boolean linkedToParentAt(UUID studentId, String email) {
        return !em.createNativeQuery("""
                        select 1 from parent_student_link l join app_user p on p.id = l.parent_id
                         where l.student_id = :s and lower(p.email) = :e""")
                .setParameter("s", studentId).setParameter("e", email)
                .getResultList().isEmpty();
    }
}
