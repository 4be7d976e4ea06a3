package io.tutoring.invites;

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
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Parent invites student: the parent names an email and/or phone; the invite waits until a student signed in with
 * that address lists it, then the student confirms (creating the link) or declines. Nothing the parent sees depends
 * on whether the address belongs to an account until the student has answered.
 */
@ApplicationScoped
public class StudentInviteService {

    private final EntityManager em;
    private final Clock clock;
    private final Links links;
    private final FamilyLinks familyLinks;
    private final UserDirectory users;
    private final InviteEvents events;
    private final InviteAddresses addresses;
    private final InviteRateLimits rateLimits;

    public StudentInviteService(EntityManager em, Clock clock, Links links, FamilyLinks familyLinks,
                                UserDirectory users, InviteEvents events,
                                InviteAddresses addresses, InviteRateLimits rateLimits) {
        this.em = em;
        this.clock = clock;
        this.links = links;
        this.familyLinks = familyLinks;
        this.users = users;
        this.events = events;
        this.addresses = addresses;
        this.rateLimits = rateLimits;
    }

    @Transactional
    public InviteViews.Created create(Caller parent, String rawEmail, String rawPhone) {
        String email = InviteAddresses.email(rawEmail);
        String phone = rawPhone == null || rawPhone.isBlank() ? null : addresses.phone(rawPhone, "studentPhone");
        if (email == null && phone == null) {
            throw ApiException.badRequest("Give the student's email (studentEmail) or phone (studentPhone)");
        }
        User me = users.require(parent.id(), "user");
        if (email != null && email.equals(InviteAddresses.email(me.email))
                || phone != null && phone.equals(addresses.tryPhone(me.phone).orElse(null))) {
            throw ApiException.badRequest("You cannot invite yourself");
        }
        rateLimits.invite(parent.id());
        if (linkedToStudentAt(parent.id(), email, phone)) {
            throw ApiException.conflict("You are already linked to the student with this email or phone");
        }
        UUID id = UUID.randomUUID();
        Instant now = Time.now(clock);
        int inserted = em.createNativeQuery("""
                        insert into student_invite (id, parent_id, student_email, student_phone, status, created_at)
                        values (:id, :parent, :email, :phone, 'PENDING', :now)
                        on conflict do nothing""")
                .setParameter("id", id).setParameter("parent", parent.id())
                .setParameter("email", email).setParameter("phone", phone).setParameter("now", now)
                .executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("You already have a pending invite for this email or phone");
        }
        events.record(id, InviteEvents.Action.INVITED, parent.id(), now);
        return new InviteViews.Created(id, StudentInvite.Status.PENDING.name());
    }

    /** The parent's outgoing invites, newest first, each with its history. */
    @SuppressWarnings("unchecked")
    public Page<InviteViews.StudentInviteView> outgoing(Caller parent, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor, "cursor");
        StringBuilder sql = new StringBuilder("""
                select i.id, i.student_email, i.student_phone, i.status, i.student_id, s.name, i.created_at,
                       i.resolved_at
                  from student_invite i left join app_user s on s.id = i.student_id
                 where i.parent_id = :me""");
        Query q = Keyset.newestFirst(em, sql, "i.created_at", "i.id", after, limit).setParameter("me", parent.id());
        List<Object[]> rows = q.getResultList();
        Map<UUID, List<InviteViews.Event>> history = events.of(rows.stream().map(r -> (UUID) r[0]).toList());
        List<InviteViews.StudentInviteView> views = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            views.add(new InviteViews.StudentInviteView(id, (String) r[1], (String) r[2], (String) r[3],
                    r[4] == null ? null : new UserRef((UUID) r[4], (String) r[5]),
                    Time.instant(r[6]), Time.instant(r[7]), history.getOrDefault(id, List.of())));
        }
        return Page.of(views, limit, v -> new Cursor(false, v.createdAt(), v.id()));
    }

    @Transactional
    public void revoke(Caller parent, UUID inviteId) {
        StudentInvite invite = em.find(StudentInvite.class, inviteId, LockModeType.PESSIMISTIC_WRITE);
        if (invite == null || !invite.parentId.equals(parent.id())) {
            throw ApiException.notFound("You have no invite with id " + inviteId);
        }
        if (!StudentInvite.Status.PENDING.name().equals(invite.status)) {
            throw ApiException.conflict("This invite was already "
                    + invite.status.toLowerCase(java.util.Locale.ROOT));
        }
        resolve(invite, StudentInvite.Status.REVOKED, null, parent.id(), InviteEvents.Action.REVOKED);
    }

    /** Pending invites addressed to the student's email or phone, newest first. */
    @SuppressWarnings("unchecked")
    public Page<InviteViews.IncomingInvite> incoming(Caller student, InviteeAddress address, String cursor,
                                                     int limit) {
        if (address.email() == null && address.phone() == null) {
            return new Page<>(List.of(), null);
        }
        Cursor after = Cursor.decode(cursor, "cursor");
        StringBuilder sql = new StringBuilder("""
                select i.id, i.parent_id, p.name, i.created_at
                  from student_invite i join app_user p on p.id = i.parent_id
                 where i.status = 'PENDING' and i.parent_id <> :me
                   and (i.student_email = :email or i.student_phone = :phone)""");
        Query q = Keyset.newestFirst(em, sql, "i.created_at", "i.id", after, limit).setParameter("me", student.id())
                .setParameter("email", Objects.requireNonNullElse(address.email(), ""))
                .setParameter("phone", Objects.requireNonNullElse(address.phone(), ""));
        List<Object[]> rows = q.getResultList();
        List<InviteViews.IncomingInvite> views = rows.stream().map(r -> new InviteViews.IncomingInvite((UUID) r[0],
                new UserRef((UUID) r[1], (String) r[2]), StudentInvite.Status.PENDING.name(),
                Time.instant(r[3]))).toList();
        return Page.of(views, limit, v -> new Cursor(false, v.createdAt(), v.id()));
    }

    /** The student confirms: the link is created with the student as its actor. */
    @Transactional
    public LinkView confirm(Caller student, InviteeAddress address, UUID inviteId) {
        StudentInvite invite = addressedTo(student, address, inviteId);
        resolve(invite, StudentInvite.Status.CONFIRMED, student.id(), student.id(), InviteEvents.Action.CONFIRMED);
        // Already linked (say by an admin meanwhile): the student's wish holds all the same.
        links.link(invite.parentId, student.id(), Links.Action.CREATED_BY_INVITE, student.id());
        return familyLinks.view(invite.parentId, student.id());
    }

    @Transactional
    public InviteViews.Created decline(Caller student, InviteeAddress address, UUID inviteId) {
        StudentInvite invite = addressedTo(student, address, inviteId);
        resolve(invite, StudentInvite.Status.DECLINED, student.id(), student.id(), InviteEvents.Action.DECLINED);
        return new InviteViews.Created(invite.id, invite.status);
    }

    /** The invite, locked, when it is addressed to this student; a 404 for anyone else. */
    private StudentInvite addressedTo(Caller student, InviteeAddress address, UUID inviteId) {
        StudentInvite invite = em.find(StudentInvite.class, inviteId, LockModeType.PESSIMISTIC_WRITE);
        if (invite == null || !invite.addressedTo(address) || invite.parentId.equals(student.id())) {
            throw ApiException.notFound("You have no invite with id " + inviteId);
        }
        requirePending(invite);
        return invite;
    }

    private static void requirePending(StudentInvite invite) {
        StudentInvite.Status status = StudentInvite.Status.valueOf(invite.status);
        if (status == StudentInvite.Status.REVOKED) {
            throw ApiException.gone("This invite was revoked by the parent");
        }
        if (status != StudentInvite.Status.PENDING) {
            throw ApiException.conflict("This invite was already " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void resolve(StudentInvite invite, StudentInvite.Status status, UUID studentId, UUID actorId,
                         InviteEvents.Action action) {
        Instant now = Time.now(clock);
        invite.status = status.name();
        invite.studentId = studentId;
        invite.resolvedAt = now;
        events.record(invite.id, action, actorId, now);
    }

    /** Whether one of the parent's linked students signed in with this email or phone. */
    @SuppressWarnings("unchecked")
    private boolean linkedToStudentAt(UUID parentId, String email, String phone) {
        List<Object[]> rows = em.createNativeQuery("""
                        select s.email, s.phone from parent_student_link l join app_user s on s.id = l.student_id
                         where l.parent_id = :p""")
                .setParameter("p", parentId).getResultList();
        for (Object[] r : rows) {
            if (email != null && email.equals(InviteAddresses.email((String) r[0]))
                    || phone != null && phone.equals(addresses.tryPhone((String) r[1]).orElse(null))) {
                return true;
            }
        }
        return false;
    }
}
