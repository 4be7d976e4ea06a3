package io.tutoring.invites;

import io.tutoring.common.Cursor;
import io.tutoring.common.Page;
import io.tutoring.common.Time;
import io.tutoring.common.failures.Conflict;
import io.tutoring.common.failures.Gone;
import io.tutoring.common.failures.InvalidInput;
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
import java.util.Objects;
import java.util.UUID;

/**
 * Parent invites student: the parent names an email and/or phone; the invite waits until a student signed in with
 * that address lists it, then the student confirms (creating the link) or declines. Nothing the parent sees depends
 * on whether the address belongs to an account until the student has answered.
 */
@ApplicationScoped
public class StudentInviteService {

    private final InviteQueries queries;
    private final Clock clock;
    private final Links links;
    private final FamilyLinks familyLinks;
    private final UserDirectory users;
    private final InviteEvents events;
    private final InviteAddresses addresses;
    private final InviteRateLimits rateLimits;

    public StudentInviteService(InviteQueries queries, Clock clock, Links links, FamilyLinks familyLinks,
                                UserDirectory users, InviteEvents events,
                                InviteAddresses addresses, InviteRateLimits rateLimits) {
        this.queries = queries;
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
            throw new InvalidInput("Give the student's email (studentEmail) or phone (studentPhone)");
        }
        User me = users.require(parent.id(), "user");
        if (email != null && email.equals(InviteAddresses.email(me.email))
                || phone != null && phone.equals(addresses.tryPhone(me.phone).orElse(null))) {
            throw new InvalidInput("You cannot invite yourself");
        }
        rateLimits.invite(parent.id());
        if (linkedToStudentAt(parent.id(), email, phone)) {
            throw new Conflict("You are already linked to the student with this email or phone");
        }
        UUID id = UUID.randomUUID();
        Instant now = Time.now(clock);
        if (!queries.insertStudentInvite(id, parent.id(), email, phone, now)) {
            throw new Conflict("You already have a pending invite for this email or phone");
        }
        events.record(id, InviteEvents.Action.INVITED, parent.id(), now);
        return new InviteViews.Created(id, StudentInvite.Status.PENDING.name());
    }

    /** The parent's outgoing invites, newest first, each with its history. */
    public Page<InviteViews.StudentInviteView> outgoing(Caller parent, Cursor after, int limit) {
        List<InviteQueries.StudentInviteRow> rows = queries.studentInvitesOf(parent.id(), after, limit);
        Map<UUID, List<InviteViews.Event>> history = events.of(rows.stream().map(InviteQueries.StudentInviteRow::id)
                .toList());
        List<InviteViews.StudentInviteView> views = rows.stream().map(r -> new InviteViews.StudentInviteView(r.id(),
                r.studentEmail(), r.studentPhone(), r.status(), r.student(), r.createdAt(), r.resolvedAt(),
                history.getOrDefault(r.id(), List.of()))).toList();
        return Page.of(views, limit, v -> new Cursor(false, v.createdAt(), v.id()));
    }

    @Transactional
    public void revoke(Caller parent, UUID inviteId) {
        StudentInvite invite = StudentInvite.findById(inviteId, LockModeType.PESSIMISTIC_WRITE);
        if (invite == null || !invite.parentId.equals(parent.id())) {
            throw new NotFound("You have no invite with id " + inviteId);
        }
        if (!StudentInvite.Status.PENDING.name().equals(invite.status)) {
            throw new Conflict("This invite was already "
                    + invite.status.toLowerCase(java.util.Locale.ROOT));
        }
        resolve(invite, StudentInvite.Status.REVOKED, null, parent.id(), InviteEvents.Action.REVOKED);
    }

    /** Pending invites addressed to the student's email or phone, newest first. */
    public Page<InviteViews.IncomingInvite> incoming(Caller student, InviteeAddress address, Cursor after,
                                                     int limit) {
        if (address.email() == null && address.phone() == null) {
            return new Page<>(List.of(), null);
        }
        List<InviteViews.IncomingInvite> views = queries.studentInvitesTo(student.id(),
                Objects.requireNonNullElse(address.email(), ""), Objects.requireNonNullElse(address.phone(), ""),
                after, limit);
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
        StudentInvite invite = StudentInvite.findById(inviteId, LockModeType.PESSIMISTIC_WRITE);
        if (invite == null || !invite.addressedTo(address) || invite.parentId.equals(student.id())) {
            throw new NotFound("You have no invite with id " + inviteId);
        }
        requirePending(invite);
        return invite;
    }

    private static void requirePending(StudentInvite invite) {
        StudentInvite.Status status = StudentInvite.Status.valueOf(invite.status);
        if (status == StudentInvite.Status.REVOKED) {
            throw new Gone("This invite was revoked by the parent");
        }
        if (status != StudentInvite.Status.PENDING) {
            throw new Conflict("This invite was already " + status.name().toLowerCase(java.util.Locale.ROOT));
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
    private boolean linkedToStudentAt(UUID parentId, String email, String phone) {
        for (InviteQueries.Address a : queries.linkedStudentsAddresses(parentId)) {
            if (email != null && email.equals(InviteAddresses.email(a.email()))
                    || phone != null && phone.equals(addresses.tryPhone(a.phone()).orElse(null))) {
                return true;
            }
        }
        return false;
    }
}
