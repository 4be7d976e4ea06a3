package io.tutoring.messaging;

import io.tutoring.common.Cursor;
import io.tutoring.common.Sql;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of threads and messages. Each list is one statement that walks an index in list order, joins the
 * three names and the last message (and its attachment) by primary key, and counts unread messages from the partial
 * index of unread rows; opening a thread is three (the thread with its link, the read stamp, the page); sending is
 * two writes after the link and enrollment checks. Columns are read by their names.
 */
@ApplicationScoped
public class ThreadQueries {

    // ---- Thread lists -------------------------------------------------------------------------------------------
    //
    // A list statement reads top to bottom as
    //
    //     ROW             what a row shows: the thread, its three names, its last message and that one's attachment
    //       from PAGE     the page's keys (id, pinned, at) in list order, joined to their threads by primary key
    //     order by the key
    //
    // where PAGE is made of KEYS (read down the owner's activity index from the cursor on) and, on later pages,
    // MOVED_KEYS (the threads that moved after the snapshot, at the place they had in it). Words in {braces} are
    // filled in from the Owner of the list and the filter; :words are parameters.

    /** The columns of a list row. */
    private static final String ROW = """
            select t.id as thread_id,
                   t.parent_id, p.name as parent_name,
                   t.tutor_id, tu.name as tutor_name,
                   t.student_id, s.name as student_name,
                   m.id as last_id, m.sender_role as last_role, m.body as last_body,
                   m.created_at as last_created_at, m.read_at as last_read_at,
                   a.id as attachment_id, a.file_name, a.content_type, a.size,
                   {unread} as unread, t.pinned, {snoozedUntil} as snoozed_until, {activity} as activity_at
              from {threads}
              join app_user p on p.id = t.parent_id
              join app_user tu on tu.id = t.tutor_id
              join app_user s on s.id = t.student_id
              left join message m on m.id = t.last_message_id
              left join attachment a on a.id = m.attachment_id""";

    /** The caller's unread messages of the thread: those of the other side, counted on the partial index. */
    private static final String UNREAD_COUNT = """
            (select count(*) from message u
              where u.thread_id = t.id and u.read_at is null and u.sender_role = '{other}')""";

    /** A parent's or tutor's page: the keys, ordered and cut to the page, then their threads. */
    private static final String PAGE = """
            (select * from ({keys}) k order by k.pinned desc, k.at desc, k.id desc limit :limit) k
              join thread t on t.id = k.id""";

    /** Keys read straight down the owner's activity index; after a cursor, only those not moved since the snapshot. */
    private static final String KEYS = """
            (select t.id, {pinned} as pinned, t.last_message_at as at
               from thread t
              where {owner} = :me{conditions}{notMovedAfterCursor}
              order by {indexOrder}
              limit :limit)""";

    /**
     * Keys of the threads with activity after the snapshot (few: what changed while the client paged), each at the
     * time of its newest message not after the snapshot. For tutors, {bothPinned} turns "activity after the
     * snapshot" into two short ranges of the (tutor, pinned, activity) index.
     */
    private static final String MOVED_KEYS = """
            (select t.id, {pinned} as pinned, s.at
               from thread t
              cross join lateral (select m.created_at as at from message m
                                   where m.thread_id = t.id and m.created_at <= :snap
                                   order by m.created_at desc, m.id desc limit 1) s
              where {owner} = :me{bothPinned}
                and t.last_message_at > :snap{conditions}
                and {movedAfterCursor})""";

    /** The order of every parent's and tutor's list, on the page's keys. */
    private static final String KEY_ORDER = " order by k.pinned desc, k.at desc, k.id desc";

    /** The tutor's inbox leaves out what is snoozed at the snapshot; {@code snoozed=true} lists just that. */
    private static final String NOT_SNOOZED = "(t.snoozed_until is null or t.snoozed_until <= :snap)";
    private static final String SNOOZED = "t.snoozed_until > :snap";
    private static final String PINNED_IS = "t.pinned = :pinned";
    /** A parent's list shows only threads about students they are still linked to. */
    private static final String STILL_LINKED = """
            exists (select 1 from parent_student_link l
                     where l.parent_id = t.parent_id and l.student_id = t.student_id)""";
    private static final String ABOUT_STUDENT = "t.student_id = :student";
    private static final String HAS_UNREAD = """
            exists (select 1 from message u
                     where u.thread_id = t.id and u.read_at is null and u.sender_role = '{other}')""";

    /** Any threads by latest activity (admins): no unread count, the stored snooze; the filters follow. */
    private static final String ADMIN_ROWS = fill(ROW, "unread", "null", "snoozedUntil", "t.snoozed_until",
            "activity", "t.last_message_at", "threads", "thread t") + "\n where true";

    // ---- A thread and its messages ------------------------------------------------------------------------------

    /** The thread, and whether its parent is still linked to its student: one statement for every access check. */
    private static final String THREAD = """
            select t.parent_id, t.tutor_id, t.student_id,
                   exists (select 1 from parent_student_link l
                            where l.parent_id = t.parent_id and l.student_id = t.student_id) as linked
              from thread t where t.id = :id""";

    /** The three people of a thread, by name: the heading of a conversation page. */
    private static final String NAMES = """
            select p.id as parent_id, p.name as parent_name, tu.id as tutor_id, tu.name as tutor_name,
                   s.id as student_id, s.name as student_name
              from thread t
              join app_user p on p.id = t.parent_id
              join app_user tu on tu.id = t.tutor_id
              join app_user s on s.id = t.student_id
             where t.id = :id""";

    /** A page of a thread with each message's attachment; newest first through {@link Sql#newestFirst}. */
    private static final String MESSAGES = """
            select m.id, m.sender_role, m.body, m.created_at, m.read_at, m.ack_requested, m.acked_at,
                   a.id as attachment_id, a.file_name, a.content_type, a.size
              from message m left join attachment a on a.id = m.attachment_id
             where m.thread_id = :thread""";

    /**
     * Acknowledges a message that asks for it, once: of two racing acknowledgements one updates the row, the other
     * finds {@code acked_at} set and updates nothing.
     */
    private static final String ACK = """
            update message set acked_at = :now
             where id = :id and thread_id = :thread and sender_role = :sender and ack_requested
               and acked_at is null""";

    /**
     * Opening a thread in one statement: stamps the other side's unread messages read (the partial index of unread
     * rows finds them) and reads a page of the thread, newest first. The page's snapshot is taken before the update,
     * so a stamped message takes its new {@code read_at} from the update's {@code RETURNING}. The page is a lateral
     * subquery of a one-row select, so an empty page still brings back the count of stamped messages. The text goes
     * on with the page's order and limit ({@link Sql#newestFirst}) and ends with {@link #STAMP_AND_PAGE_CLOSE}.
     */
    private static final String STAMP_AND_PAGE = """
            with stamped as (
                update message set read_at = :now
                 where thread_id = :thread and sender_role = :other and read_at is null
                returning id, read_at)
            select (select count(*) from stamped) as stamped, p.*
              from (select 1) as one
              left join lateral (
                select m.id, m.sender_role, m.body, m.created_at, coalesce(s.read_at, m.read_at) as read_at,
                       m.ack_requested, m.acked_at, a.id as attachment_id, a.file_name, a.content_type, a.size
                  from message m left join attachment a on a.id = m.attachment_id
                  left join stamped s on s.id = m.id
                 where m.thread_id = :thread""";
    private static final String STAMP_AND_PAGE_CLOSE = ") as p on true";

    /**
     * Creates the thread on its first message, or moves its "last message" forward; a parent's message also ends
     * the tutor's snooze. The foreign key to the message is checked at commit, after the message is inserted.
     */
    private static final String UPSERT_THREAD = """
            insert into thread (id, parent_id, tutor_id, student_id, created_at, last_message_id, last_message_at)
            values (:id, :parent, :tutor, :student, :at, :message, :at)
            on conflict (parent_id, tutor_id, student_id) do update
               set last_message_id = case when excluded.last_message_at >= thread.last_message_at
                                          then excluded.last_message_id else thread.last_message_id end,
                   last_message_at = greatest(thread.last_message_at, excluded.last_message_at),
                   snoozed_until = case when :wake then null else thread.snoozed_until end
            returning id
            """;

    /**
     * The head of a thread's chain: its last message's place and hash. The send path reads it after the thread
     * upsert, which holds the thread's row lock until commit, so concurrent sends into one thread take turns here
     * and each sees the one before; sends into other threads do not wait.
     */
    private static final String CHAIN_HEAD = """
            select m.chain_index, m.hash from message m
             where m.thread_id = :thread
             order by m.chain_index desc limit 1""";

    private static final String INSERT_MESSAGE = """
            insert into message (id, thread_id, sender_role, sender_id, body, created_at, attachment_id,
                                 ack_requested, chain_index, prev_hash, hash)
            values (:id, :thread, :role, :sender, :body, :at, :attachment, :ackRequested, :chainIndex, :prevHash,
                    :hash)""";

    // ---- The tutor's own state of a thread ----------------------------------------------------------------------
    // Each changes only the tutor's columns, so that a message arriving at the same time keeps its "last message".

    private static final String SET_PINNED = """
            update thread set pinned = :pinned where id = :id returning pinned, snoozed_until""";
    private static final String SET_SNOOZE = """
            update thread set snoozed_until = :until where id = :id returning pinned, snoozed_until""";
    private static final String WAKE = """
            update thread set snoozed_until = null where id = :id returning pinned, snoozed_until""";

    // ---- Contacts: whom a parent or tutor can start a thread with -----------------------------------------------

    private static final String CONTACTS_OF_PARENT = """
            select s.id as student_id, s.name as student_name, tu.id as other_id, tu.name as other_name
              from parent_student_link l
              join app_user s on s.id = l.student_id
              left join enrollment e on e.student_id = l.student_id
              left join app_user tu on tu.id = e.tutor_id
             where l.parent_id = :me
             order by s.name, s.id, tu.name, tu.id""";

    private static final String CONTACTS_OF_TUTOR = """
            select s.id as student_id, s.name as student_name, p.id as other_id, p.name as other_name
              from enrollment e
              join app_user s on s.id = e.student_id
              left join parent_student_link l on l.student_id = e.student_id
              left join app_user p on p.id = l.parent_id
             where e.tutor_id = :me
             order by s.name, s.id, p.name, p.id""";

    /**
     * The students a tutor has threads about, by name: the student filter of the tutor's list (a student with no
     * thread would filter it down to nothing). Read on the tutor's student index of threads.
     */
    private static final String STUDENTS_OF_TUTOR_THREADS = """
            select s.id, s.name from app_user s
             where s.id in (select t.student_id from thread t where t.tutor_id = :me)
             order by s.name, s.id""";

    /** The side of the thread a list belongs to, and how that side's list is keyed and ordered. */
    private enum Owner {
        TUTOR("t.tutor_id", "t.pinned", "t.pinned desc, t.last_message_at desc, t.id desc", SenderRole.PARENT),
        PARENT("t.parent_id", "false", "t.last_message_at desc, t.id desc", SenderRole.TUTOR);

        /** The column that says whose list it is. */
        final String column;
        /** The leading sort key: tutors' pinned threads come first; parents have none. */
        final String pinned;
        /** The order of the owner's activity index. */
        final String indexOrder;
        /** Whose messages the owner has to read. */
        final SenderRole other;

        Owner(String column, String pinned, String indexOrder, SenderRole other) {
            this.column = column;
            this.pinned = pinned;
            this.indexOrder = indexOrder;
            this.other = other;
        }

        /** The keyset condition "after the cursor" on the key (pinned, {@code at}, id), in the index's terms. */
        String after(String at) {
            return this == TUTOR ? "(t.pinned, " + at + ", t.id) < (:cPinned, :cAt, :cId)"
                    : "(" + at + ", t.id) < (:cAt, :cId)";
        }
    }

    /** What makes two list statements differ; each shape's text is built once. */
    private record Shape(Owner owner, boolean student, boolean unread, Boolean pinned, boolean snoozed,
                         boolean afterCursor) {
    }

    private final Sql sql;
    private final Map<Shape, String> lists = new ConcurrentHashMap<>();

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
        Shape shape = new Shape(owner, filter.studentId() != null, filter.unreadOnly(), filter.pinned(),
                filter.snoozed(), after != null);
        Sql.Statement q = sql.query(lists.computeIfAbsent(shape, ThreadQueries::listText))
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

    private static String listText(Shape shape) {
        Owner owner = shape.owner();
        String conditions = conditions(shape);
        String keys = fill(KEYS, "pinned", owner.pinned, "owner", owner.column, "conditions", conditions,
                "notMovedAfterCursor", shape.afterCursor()
                        ? and("t.last_message_at <= :snap") + and(owner.after("t.last_message_at")) : "",
                "indexOrder", owner.indexOrder);
        if (shape.afterCursor()) {
            keys += "\nunion all\n" + fill(MOVED_KEYS, "pinned", owner.pinned, "owner", owner.column,
                    "bothPinned", owner == Owner.TUTOR ? and("t.pinned in (true, false)") : "",
                    "conditions", conditions, "movedAfterCursor", owner.after("s.at"));
        }
        return fill(ROW, "unread", fill(UNREAD_COUNT, "other", owner.other.name()),
                "snoozedUntil", "case when t.snoozed_until > :now then t.snoozed_until end",
                "activity", "k.at",
                "threads", fill(PAGE, "keys", keys)) + KEY_ORDER;
    }

    /** The filters and visibility rules of a list, as conditions on the thread {@code t}. */
    private static String conditions(Shape shape) {
        List<String> c = new ArrayList<>();
        if (shape.owner() == Owner.TUTOR) {
            c.add(shape.snoozed() ? SNOOZED : NOT_SNOOZED);
            if (shape.pinned() != null) {
                c.add(PINNED_IS);
            }
        } else {
            c.add(STILL_LINKED);
        }
        if (shape.student()) {
            c.add(ABOUT_STUDENT);
        }
        if (shape.unread()) {
            c.add(fill(HAS_UNREAD, "other", shape.owner().other.name()));
        }
        return String.join("", c.stream().map(ThreadQueries::and).toList());
    }

    /** Any threads, filtered by any of parent, tutor and student, by latest activity (admins). */
    public List<ThreadView> forAdmin(UUID parentId, UUID tutorId, UUID studentId, Cursor after, int limit) {
        String text = ADMIN_ROWS + (parentId != null ? and("t.parent_id = :parent") : "")
                + (tutorId != null ? and("t.tutor_id = :tutor") : "")
                + (studentId != null ? and("t.student_id = :student") : "");
        return sql.newestFirst(text, "t.last_message_at", "t.id", after, limit)
                .bind("parent", parentId).bind("tutor", tutorId).bind("student", studentId)
                .list(rs -> row(rs, false));
    }

    /** One row of {@link #ROW}. */
    private static ThreadView row(ResultSet rs, boolean tutorView) throws SQLException {
        UUID lastId = Sql.uuid(rs, "last_id");
        ThreadView.LastMessage last = lastId == null ? null : new ThreadView.LastMessage(lastId,
                SenderRole.valueOf(rs.getString("last_role")), rs.getString("last_body"), attachment(rs),
                Sql.instant(rs, "last_created_at"), Sql.instant(rs, "last_read_at"));
        long unread = rs.getLong("unread");
        Long unreadCount = rs.wasNull() ? null : unread;
        return new ThreadView(Sql.uuid(rs, "thread_id"),
                new UserRef(Sql.uuid(rs, "parent_id"), rs.getString("parent_name")),
                new UserRef(Sql.uuid(rs, "tutor_id"), rs.getString("tutor_name")),
                new UserRef(Sql.uuid(rs, "student_id"), rs.getString("student_name")),
                last,
                unreadCount,
                tutorView ? rs.getBoolean("pinned") : null,
                tutorView ? Sql.instant(rs, "snoozed_until") : null,
                Sql.instant(rs, "activity_at"));
    }

    /** The attachment of a row's message, from its columns attachment_id, file_name, content_type and size. */
    private static MessageView.AttachmentView attachment(ResultSet rs) throws SQLException {
        UUID id = Sql.uuid(rs, "attachment_id");
        return id == null ? null : MessageView.AttachmentView.of(id, rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size"));
    }

    // ---- A thread and its messages ------------------------------------------------------------------------------

    /** A thread as the access check sees it: who it is between, and whether its parent is still linked. */
    record Found(ThreadRef thread, boolean linked) {
    }

    Optional<Found> thread(UUID threadId) {
        return sql.query(THREAD).bind("id", threadId)
                .first(rs -> new Found(new ThreadRef(threadId, Sql.uuid(rs, "parent_id"), Sql.uuid(rs, "tutor_id"),
                        Sql.uuid(rs, "student_id")), rs.getBoolean("linked")));
    }

    /** The parent, tutor and student of a thread, with their names. */
    record Names(UserRef parent, UserRef tutor, UserRef student) {
    }

    Optional<Names> names(UUID threadId) {
        return sql.query(NAMES).bind("id", threadId)
                .first(rs -> new Names(new UserRef(Sql.uuid(rs, "parent_id"), rs.getString("parent_name")),
                        new UserRef(Sql.uuid(rs, "tutor_id"), rs.getString("tutor_name")),
                        new UserRef(Sql.uuid(rs, "student_id"), rs.getString("student_name"))));
    }

    /** A page of the thread's messages, newest first ({@code limit + 1} rows, see {@link io.tutoring.common.Page}). */
    List<MessageView> messages(ThreadRef thread, Cursor before, int limit) {
        return sql.newestFirst(MESSAGES, "m.created_at", "m.id", before, limit)
                .bind("thread", thread.id())
                .list(rs -> message(thread, rs));
    }

    /** A page read as {@link #messages} reads it, and how many of the other side's messages were stamped read. */
    record StampedPage(int stamped, List<MessageView> messages) {
    }

    /** Stamps the messages of {@code other} that are still unread, and reads a page as {@link #messages} does. */
    StampedPage stampAndPage(ThreadRef thread, SenderRole other, Instant now, Cursor before, int limit) {
        // Every row carries the count; an empty page is one row without a message.
        record Row(int stamped, MessageView message) {
        }
        List<Row> rows = sql.newestFirst(STAMP_AND_PAGE, STAMP_AND_PAGE_CLOSE, "m.created_at", "m.id", before, limit)
                .bind("thread", thread.id()).bind("other", other).bind("now", now)
                .list(rs -> new Row(rs.getInt("stamped"), rs.getObject("id") == null ? null : message(thread, rs)));
        return new StampedPage(rows.isEmpty() ? 0 : rows.get(0).stamped(),
                rows.stream().map(Row::message).filter(Objects::nonNull).toList());
    }

    /** One message of the thread, as a page shows it. */
    Optional<MessageView> message(ThreadRef thread, UUID messageId) {
        return sql.query(MESSAGES + "\n   and m.id = :id").bind("thread", thread.id()).bind("id", messageId)
                .first(rs -> message(thread, rs));
    }

    private static MessageView message(ThreadRef thread, ResultSet rs) throws SQLException {
        return new MessageView(Sql.uuid(rs, "id"), thread.id(), thread.parentId(), thread.tutorId(),
                thread.studentId(), SenderRole.valueOf(rs.getString("sender_role")), rs.getString("body"),
                attachment(rs), Sql.instant(rs, "created_at"), Sql.instant(rs, "read_at"),
                rs.getBoolean("ack_requested"), Sql.instant(rs, "acked_at"));
    }

    /** Stamps the message acknowledged if {@code sender} wrote it, it asks for it and nobody has yet. */
    boolean ack(UUID threadId, UUID messageId, SenderRole sender, Instant now) {
        return sql.query(ACK).bind("now", now).bind("id", messageId).bind("thread", threadId).bind("sender", sender)
                .update() == 1;
    }

    /** The thread's id, created with this first message or moved forward to it. */
    UUID upsertThread(UUID parentId, UUID tutorId, UUID studentId, UUID messageId, Instant at, boolean wake) {
        return sql.query(UPSERT_THREAD)
                .bind("id", UUID.randomUUID())
                .bind("parent", parentId)
                .bind("tutor", tutorId)
                .bind("student", studentId)
                .bind("at", at)
                .bind("message", messageId)
                .bind("wake", wake)
                .one(rs -> Sql.uuid(rs, "id"));
    }

    /** The last link of a thread's chain: its place and hash. */
    record ChainLink(int index, byte[] hash) {
    }

    /** The thread's chain head; empty for a thread without messages. Call it holding the thread's row lock. */
    Optional<ChainLink> chainHead(UUID threadId) {
        return sql.query(CHAIN_HEAD).bind("thread", threadId)
                .first(rs -> new ChainLink(rs.getInt("chain_index"), rs.getBytes("hash")));
    }

    void insertMessage(ChainHash.Fields m, int chainIndex, byte[] prevHash, byte[] hash) {
        sql.query(INSERT_MESSAGE)
                .bind("id", m.messageId())
                .bind("thread", m.threadId())
                .bind("role", m.role())
                .bind("sender", m.senderId())
                .bind("body", m.text())
                .bind("at", m.createdAt())
                .bind("attachment", m.attachmentId())
                .bind("ackRequested", m.ackRequested())
                .bind("chainIndex", chainIndex)
                .bind("prevHash", prevHash)
                .bind("hash", hash)
                .update();
    }

    // ---- The tutor's own state ----------------------------------------------------------------------------------

    /** The tutor's columns of a thread after a change, as stored. */
    record TutorState(boolean pinned, Instant snoozedUntil) {
    }

    TutorState setPinned(UUID threadId, boolean pinned) {
        return tutorState(sql.query(SET_PINNED).bind("id", threadId).bind("pinned", pinned));
    }

    TutorState snooze(UUID threadId, Instant until) {
        return tutorState(sql.query(SET_SNOOZE).bind("id", threadId).bind("until", until));
    }

    TutorState wake(UUID threadId) {
        return tutorState(sql.query(WAKE).bind("id", threadId));
    }

    private static TutorState tutorState(Sql.Statement update) {
        return update.one(rs -> new TutorState(rs.getBoolean("pinned"), Sql.instant(rs, "snoozed_until")));
    }

    // ---- Contacts -----------------------------------------------------------------------------------------------

    /** A student and one of the people on the other side (null when there is nobody yet), in display order. */
    record ContactRow(UserRef student, UserRef other) {
    }

    List<ContactRow> contactsOfParent(UUID parentId) {
        return sql.query(CONTACTS_OF_PARENT).bind("me", parentId).list(ThreadQueries::contact);
    }

    List<UserRef> studentsOfTutorThreads(UUID tutorId) {
        return sql.query(STUDENTS_OF_TUTOR_THREADS).bind("me", tutorId)
                .list(rs -> new UserRef(Sql.uuid(rs, "id"), rs.getString("name")));
    }

    List<ContactRow> contactsOfTutor(UUID tutorId) {
        return sql.query(CONTACTS_OF_TUTOR).bind("me", tutorId).list(ThreadQueries::contact);
    }

    private static ContactRow contact(ResultSet rs) throws SQLException {
        UUID other = Sql.uuid(rs, "other_id");
        return new ContactRow(new UserRef(Sql.uuid(rs, "student_id"), rs.getString("student_name")),
                other == null ? null : new UserRef(other, rs.getString("other_name")));
    }

    // ---- Text -----------------------------------------------------------------------------------------------------

    /** A condition on its own line, joined to the ones before it with {@code and}. */
    private static String and(String condition) {
        return "\n    and " + condition;
    }

    /** The template with each {name} replaced by its value; pairs of name and value. */
    private static String fill(String template, String... namesAndValues) {
        String text = template;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String slot = "{" + namesAndValues[i] + "}";
            if (!text.contains(slot)) {
                throw new IllegalArgumentException("no " + slot + " in " + template);
            }
            text = text.replace(slot, namesAndValues[i + 1]);
        }
        return text;
    }
}
