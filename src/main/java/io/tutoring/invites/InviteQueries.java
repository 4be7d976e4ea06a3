package io.tutoring.invites;

import io.tutoring.common.Cursor;
import io.tutoring.common.Sql;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of both kinds of invite that are not "load the invite by id and change it": inserts that may race
 * with a duplicate, the single-use accept, the lists and the history. Columns are read by their names.
 */
@ApplicationScoped
public class InviteQueries {

    // ---- History of both kinds ----------------------------------------------------------------------------------

    private static final String INSERT_EVENT = """
            insert into invite_event (id, invite_id, action, actor_id, at)
            values (:id, :invite, :action, :actor, :at)""";

    /** The history of several invites at once, oldest step first. */
    private static final String EVENTS = """
            select e.invite_id, e.action, e.actor_id, u.name as actor_name, e.at
              from invite_event e left join app_user u on u.id = e.actor_id
             where e.invite_id = any(:ids)
             order by e.invite_id, e.at, e.id""";

    // ---- Student invites: a parent invites a student ------------------------------------------------------------

    /** A new pending invite; nothing when the parent already has one pending for this email or phone. */
    private static final String INSERT_STUDENT_INVITE = """
            insert into student_invite (id, parent_id, student_email, student_phone, status, created_at)
            values (:id, :parent, :email, :phone, 'PENDING', :now)
            on conflict do nothing""";

    /** A parent's invites with the student who answered; newest first through {@link Sql#newestFirst}. */
    private static final String STUDENT_INVITES_OF_PARENT = """
            select i.id, i.student_email, i.student_phone, i.status, i.student_id, s.name as student_name,
                   i.created_at, i.resolved_at
              from student_invite i left join app_user s on s.id = i.student_id
             where i.parent_id = :me""";

    /** Pending invites addressed to a student's email or phone (not the student's own); newest first. */
    private static final String STUDENT_INVITES_TO = """
            select i.id, i.parent_id, p.name as parent_name, i.created_at
              from student_invite i join app_user p on p.id = i.parent_id
             where i.status = 'PENDING' and i.parent_id <> :me
               and (i.student_email = :email or i.student_phone = :phone)""";

    /** The email and phone of each student the parent is linked to. */
    private static final String LINKED_STUDENTS_ADDRESSES = """
            select s.email, s.phone from parent_student_link l join app_user s on s.id = l.student_id
             where l.parent_id = :p""";

    // ---- Parent invites: a student invites a parent by a magic link ---------------------------------------------

    /** A pending invite past its expiry no longer blocks a new one to the same address. */
    private static final String EXPIRE_PENDING = """
            update parent_invite set status = 'EXPIRED'
             where student_id = :s and parent_email = :e and status = 'PENDING' and expires_at <= :now""";

    /** A new pending invite; nothing when the student already has one pending for this email. */
    private static final String INSERT_PARENT_INVITE = """
            insert into parent_invite (id, student_id, parent_email, token_hash, status, expires_at, created_at)
            values (:id, :s, :e, :hash, 'PENDING', :exp, :now)
            on conflict do nothing""";

    /** Uses up the token: of two racing accepts exactly one gets the row back. */
    private static final String ACCEPT = """
            update parent_invite set status = 'ACCEPTED', parent_id = :p, resolved_at = :now
             where token_hash = :hash and status = 'PENDING' and expires_at > :now
            returning id, student_id""";

    /** A student's invites with the parent who accepted; newest first through {@link Sql#newestFirst}. */
    private static final String PARENT_INVITES_OF_STUDENT = """
            select i.id, i.parent_email, i.status, i.expires_at, i.parent_id, p.name as parent_name, i.created_at,
                   i.resolved_at
              from parent_invite i left join app_user p on p.id = i.parent_id
             where i.student_id = :me""";

    private static final String LINKED_TO_PARENT_AT = """
            select 1 from parent_student_link l join app_user p on p.id = l.parent_id
             where l.student_id = :s and lower(p.email) = :e""";

    private final Sql sql;

    public InviteQueries(Sql sql) {
        this.sql = sql;
    }

    void recordEvent(UUID inviteId, InviteEvents.Action action, UUID actorId, Instant at) {
        sql.query(INSERT_EVENT)
                .bind("id", UUID.randomUUID())
                .bind("invite", inviteId)
                .bind("action", action)
                .bind("actor", actorId)
                .bind("at", at)
                .update();
    }

    /** The history of each of the invites, in one statement. */
    Map<UUID, List<InviteViews.Event>> events(Collection<UUID> inviteIds) {
        Map<UUID, List<InviteViews.Event>> byInvite = new HashMap<>();
        if (inviteIds.isEmpty()) {
            return byInvite;
        }
        List<EventRow> rows = sql.query(EVENTS).bind("ids", Sql.array("uuid", inviteIds))
                .list(rs -> new EventRow(Sql.uuid(rs, "invite_id"), new InviteViews.Event(rs.getString("action"),
                        ref(rs, "actor_id", "actor_name"), Sql.instant(rs, "at"))));
        for (EventRow row : rows) {
            byInvite.computeIfAbsent(row.inviteId(), k -> new ArrayList<>()).add(row.event());
        }
        return byInvite;
    }

    private record EventRow(UUID inviteId, InviteViews.Event event) {
    }

    /** False when the parent already has a pending invite for this email or phone. */
    boolean insertStudentInvite(UUID id, UUID parentId, String email, String phone, Instant now) {
        return sql.query(INSERT_STUDENT_INVITE)
                .bind("id", id).bind("parent", parentId).bind("email", email).bind("phone", phone).bind("now", now)
                .update() > 0;
    }

    /** A row of a parent's list of student invites, before its history is added. */
    record StudentInviteRow(UUID id, String studentEmail, String studentPhone, String status, UserRef student,
                            Instant createdAt, Instant resolvedAt) {
    }

    List<StudentInviteRow> studentInvitesOf(UUID parentId, Cursor after, int limit) {
        return sql.newestFirst(STUDENT_INVITES_OF_PARENT, "i.created_at", "i.id", after, limit)
                .bind("me", parentId)
                .list(rs -> new StudentInviteRow(Sql.uuid(rs, "id"), rs.getString("student_email"),
                        rs.getString("student_phone"), rs.getString("status"),
                        ref(rs, "student_id", "student_name"), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "resolved_at")));
    }

    /** Pending invites to the address (an empty email or phone matches nothing), not sent by {@code studentId}. */
    List<InviteViews.IncomingInvite> studentInvitesTo(UUID studentId, String email, String phone, Cursor after,
                                                     int limit) {
        return sql.newestFirst(STUDENT_INVITES_TO, "i.created_at", "i.id", after, limit)
                .bind("me", studentId).bind("email", email).bind("phone", phone)
                .list(rs -> new InviteViews.IncomingInvite(Sql.uuid(rs, "id"),
                        new UserRef(Sql.uuid(rs, "parent_id"), rs.getString("parent_name")),
                        StudentInvite.Status.PENDING.name(), Sql.instant(rs, "created_at")));
    }

    /** An address a user signed in with: email and phone as stored. */
    record Address(String email, String phone) {
    }

    List<Address> linkedStudentsAddresses(UUID parentId) {
        return sql.query(LINKED_STUDENTS_ADDRESSES).bind("p", parentId)
                .list(rs -> new Address(rs.getString("email"), rs.getString("phone")));
    }

    void expirePending(UUID studentId, String email, Instant now) {
        sql.query(EXPIRE_PENDING).bind("s", studentId).bind("e", email).bind("now", now).update();
    }

    /** False when the student already has a pending invite for this email. */
    boolean insertParentInvite(UUID id, UUID studentId, String email, byte[] tokenHash, Instant expiresAt,
                               Instant now) {
        return sql.query(INSERT_PARENT_INVITE)
                .bind("id", id).bind("s", studentId).bind("e", email).bind("hash", tokenHash)
                .bind("exp", expiresAt).bind("now", now)
                .update() > 0;
    }

    /** The invite that the token accepted, and its student; empty when the token did not win a pending invite. */
    record Accepted(UUID inviteId, UUID studentId) {
    }

    Optional<Accepted> accept(byte[] tokenHash, UUID parentId, Instant now) {
        return sql.query(ACCEPT).bind("p", parentId).bind("now", now).bind("hash", tokenHash)
                .first(rs -> new Accepted(Sql.uuid(rs, "id"), Sql.uuid(rs, "student_id")));
    }

    /** A row of a student's list of parent invites, before its history is added. */
    record ParentInviteRow(UUID id, String parentEmail, String status, Instant expiresAt, UserRef parent,
                           Instant createdAt, Instant resolvedAt) {
    }

    List<ParentInviteRow> parentInvitesOf(UUID studentId, Cursor after, int limit) {
        return sql.newestFirst(PARENT_INVITES_OF_STUDENT, "i.created_at", "i.id", after, limit)
                .bind("me", studentId)
                .list(rs -> new ParentInviteRow(Sql.uuid(rs, "id"), rs.getString("parent_email"),
                        rs.getString("status"), Sql.instant(rs, "expires_at"), ref(rs, "parent_id", "parent_name"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "resolved_at")));
    }

    boolean linkedToParentAt(UUID studentId, String email) {
        return sql.query(LINKED_TO_PARENT_AT).bind("s", studentId).bind("e", email)
                .first(rs -> Boolean.TRUE).isPresent();
    }

    /** A user named by the two columns, or null when the id column is null. */
    private static UserRef ref(ResultSet rs, String idColumn, String nameColumn) throws SQLException {
        UUID id = Sql.uuid(rs, idColumn);
        return id == null ? null : new UserRef(id, rs.getString(nameColumn));
    }
}
