package io.tutoring.messaging;

import io.tutoring.common.Cursor;
import io.tutoring.attachments.Attachment;
import io.tutoring.common.Keyset;
import io.tutoring.common.Sql;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The read side of threads: each list is one SQL statement that walks an index in list order, joins the three
 * names and the last message (and its attachment) by primary key, and counts unread messages from the partial
 * index of unread rows.
 */
@ApplicationScoped
public class ThreadQueries {

    /** The columns of a list row: %1$s is the unread count, %2$s the snooze shown, %3$s the sort key's time. */
    private static final String SELECT = """
            select t.id, t.parent_id, p.name, t.tutor_id, tu.name, t.student_id, s.name,
                   m.id, m.sender_role, m.body, m.created_at, m.read_at,
                   %1$s as unread, t.pinned, %2$s, %3$s,
                   a.id, a.file_name, a.content_type, a.size
              from %4$s
              join app_user p on p.id = t.parent_id
              join app_user tu on tu.id = t.tutor_id
              join app_user s on s.id = t.student_id
              left join message m on m.id = t.last_message_id
              left join attachment a on a.id = m.attachment_id
            """;

    private static final String UNREAD = """
            (select count(*) from message u
              where u.thread_id = t.id and u.read_at is null and u.sender_role = '%s')""";

    private final Sql sql;

    public ThreadQueries(Sql sql) {
        this.sql = sql;
    }

    /**
     * A tutor's threads: pinned first, then by latest activity; snoozed threads are left out until they wake (or,
     * with {@link ThreadFilter#snoozed()}, only they are listed). See {@link #list} for the paging rules.
     */
    public List<ThreadView> forTutor(UUID tutorId, ThreadFilter filter, Instant now, Instant snapshot, Cursor after,
                                     int limit) {
        return list(Owner.TUTOR, tutorId, filter, now, snapshot, after, limit);
    }

    /** A parent's threads about students they are still linked to, by latest activity. */
    public List<ThreadView> forParent(UUID parentId, ThreadFilter filter, Instant now, Instant snapshot, Cursor after,
                                      int limit) {
        return list(Owner.PARENT, parentId, filter, now, snapshot, after, limit);
    }

    /** The side of the thread a list belongs to, and how that side's list is keyed and ordered. */
    private enum Owner {
        TUTOR("t.tutor_id", "t.pinned", SenderRole.PARENT),
        PARENT("t.parent_id", "false", SenderRole.TUTOR);

        final String column;
        final String pinned;
        final SenderRole other;

        Owner(String column, String pinned, SenderRole other) {
            this.column = column;
            this.pinned = pinned;
            this.other = other;
        }

        /** The keyset condition "after the cursor" on the key (pinned, {@code at}, id), in the index's terms. */
        String after(String at) {
            return this == TUTOR ? " and (t.pinned, " + at + ", t.id) < (:cPinned, :cAt, :cId)"
                    : " and (" + at + ", t.id) < (:cAt, :cId)";
        }
    }

    /**
     * One statement for a page of a parent's or a tutor's list, ordered by the key (pinned, activity, id), newest
     * first; pinned only counts for tutors.
     *
     * <p>The first page is the list as of {@code snapshot} (its "now"), read straight down the owner's activity
     * index. Later pages keep that snapshot's order, so a thread that gets a message while the client pages
     * neither shows up twice nor drops out:
     * <ul>
     *   <li>threads whose activity is not after the snapshot are read down the same index from the cursor on;</li>
     *   <li>threads with activity after the snapshot (few: only what changed while paging) are found by a range on
     *       the same index and placed at the key they had at the snapshot, the time of their newest message not
     *       after it; those that were above the cursor were already shown and stay out, those below are shown
     *       where they were; threads created after the snapshot wait for the next first page.</li>
     * </ul>
     * Snooze visibility is also judged at the snapshot. Row contents (last message, unread count) are current.
     */
    private List<ThreadView> list(Owner owner, UUID me, ThreadFilter filter, Instant now, Instant snapshot,
                                  Cursor after, int limit) {
        String keyOrder = (owner == Owner.TUTOR ? "t.pinned desc, " : "") + "%1$s desc, t.id desc";
        StringBuilder keys = new StringBuilder("(select t.id, ").append(owner.pinned)
                .append(" as pinned, t.last_message_at as at from thread t where ")
                .append(owner.column).append(" = :me").append(conditions(owner, filter));
        if (after != null) {
            keys.append(" and t.last_message_at <= :snap").append(owner.after("t.last_message_at"));
        }
        keys.append(" order by ").append(keyOrder.formatted("t.last_message_at")).append(" limit :limit)");
        if (after != null) {
            // Threads that moved after the snapshot, at the place they had in it. For tutors, listing both values of
            // pinned turns "activity after the snapshot" into two short ranges of the (tutor, pinned, activity) index.
            keys.append(" union all (select t.id, ").append(owner.pinned).append(" as pinned, s.at from thread t")
                    .append(" cross join lateral (select m.created_at as at from message m where m.thread_id = t.id")
                    .append(" and m.created_at <= :snap order by m.created_at desc, m.id desc limit 1) s where ")
                    .append(owner.column).append(" = :me")
                    .append(owner == Owner.TUTOR ? " and t.pinned in (true, false)" : "")
                    .append(" and t.last_message_at > :snap").append(conditions(owner, filter))
                    .append(owner.after("s.at")).append(")");
        }
        String page = "(select * from (" + keys + ") k order by k.pinned desc, k.at desc, k.id desc limit :limit) k"
                + " join thread t on t.id = k.id";
        Sql.Statement q = sql.query(SELECT.formatted(UNREAD.formatted(owner.other),
                        "case when t.snoozed_until > :now then t.snoozed_until end", "k.at", page)
                        + " order by k.pinned desc, k.at desc, k.id desc")
                .bind("me", me)
                .bind("now", now)
                .bind("limit", limit + 1);
        if (owner == Owner.TUTOR || after != null) {
            q.bind("snap", snapshot);
        }
        if (filter.studentId() != null) {
            q.bind("student", filter.studentId());
        }
        if (filter.pinned() != null) {
            q.bind("pinned", filter.pinned());
        }
        if (after != null) {
            q.bind("cAt", after.at()).bind("cId", after.id());
            if (owner == Owner.TUTOR) {
                q.bind("cPinned", after.flag());
            }
        }
        boolean tutorView = owner == Owner.TUTOR;
        return q.list(rs -> row(rs, tutorView));
    }

    /** The filters and visibility rules of a list, as conditions on the thread {@code t}. */
    private static String conditions(Owner owner, ThreadFilter filter) {
        StringBuilder c = new StringBuilder();
        if (owner == Owner.TUTOR) {
            c.append(filter.snoozed() ? " and t.snoozed_until > :snap"
                    : " and (t.snoozed_until is null or t.snoozed_until <= :snap)");
            if (filter.pinned() != null) {
                c.append(" and t.pinned = :pinned");
            }
        } else {
            c.append(" and exists (select 1 from parent_student_link l")
                    .append(" where l.parent_id = t.parent_id and l.student_id = t.student_id)");
        }
        if (filter.studentId() != null) {
            c.append(" and t.student_id = :student");
        }
        if (filter.unreadOnly()) {
            c.append(" and exists (select 1 from message u where u.thread_id = t.id and u.read_at is null")
                    .append(" and u.sender_role = '").append(owner.other).append("')");
        }
        return c.toString();
    }

    /** Any threads, filtered by any of parent, tutor and student, by latest activity (admins). */
    public List<ThreadView> forAdmin(UUID parentId, UUID tutorId, UUID studentId, Cursor after, int limit) {
        StringBuilder text = new StringBuilder(SELECT.formatted("null", "t.snoozed_until", "t.last_message_at",
                "thread t")).append(" where true");
        if (parentId != null) {
            text.append(" and t.parent_id = :parent");
        }
        if (tutorId != null) {
            text.append(" and t.tutor_id = :tutor");
        }
        if (studentId != null) {
            text.append(" and t.student_id = :student");
        }
        return Keyset.newestFirst(sql, text, "t.last_message_at", "t.id", after, limit)
                .bind("parent", parentId).bind("tutor", tutorId).bind("student", studentId)
                .list(rs -> row(rs, false));
    }

    /** One row of {@link #SELECT}. */
    private static ThreadView row(ResultSet rs, boolean tutorView) throws SQLException {
        UUID lastId = Sql.uuid(rs, 8);
        ThreadView.LastMessage last = lastId == null ? null : new ThreadView.LastMessage(lastId,
                SenderRole.valueOf(rs.getString(9)), rs.getString(10), attachment(rs, 17), Sql.instant(rs, 11),
                Sql.instant(rs, 12));
        long unread = rs.getLong(13);
        return new ThreadView(Sql.uuid(rs, 1),
                new UserRef(Sql.uuid(rs, 2), rs.getString(3)),
                new UserRef(Sql.uuid(rs, 4), rs.getString(5)),
                new UserRef(Sql.uuid(rs, 6), rs.getString(7)),
                last,
                rs.wasNull() ? null : unread,
                tutorView ? rs.getBoolean(14) : null,
                tutorView ? Sql.instant(rs, 15) : null,
                Sql.instant(rs, 16));
    }

    /** The attachment whose id, file name, content type and size are the four columns from {@code first} on. */
    static MessageView.AttachmentView attachment(ResultSet rs, int first) throws SQLException {
        UUID id = Sql.uuid(rs, first);
        return id == null ? null : new MessageView.AttachmentView(Attachment.PATH + id, rs.getString(first + 1),
                rs.getString(first + 2), rs.getLong(first + 3));
    }
}
