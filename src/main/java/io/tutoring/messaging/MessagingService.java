package io.tutoring.messaging;

import io.tutoring.attachments.Attachment;
import io.tutoring.attachments.AttachmentService;
import io.tutoring.common.ApiException;
import io.tutoring.common.Cursor;
import io.tutoring.common.MessagingConfig;
import io.tutoring.common.Page;
import io.tutoring.common.Sql;
import io.tutoring.common.Time;
import io.tutoring.enrollments.Enrollments;
import io.tutoring.links.Links;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sending messages and reading threads, with the rules of who may do which. */
@ApplicationScoped
public class MessagingService {

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

    private static final String INSERT_MESSAGE = """
            insert into message (id, thread_id, sender_role, sender_id, body, created_at, attachment_id)
            values (:id, :thread, :role, :sender, :body, :at, :attachment)""";

    /** Stamps the other side's unread messages of a thread read; the partial index of unread rows finds them. */
    private static final String MARK_READ = """
            update message set read_at = :now
             where thread_id = :thread and sender_role = :other and read_at is null""";

    /** A page of a thread, newest first, with each message's attachment. */
    private static final String PAGE = """
            select m.id, m.sender_role, m.body, m.created_at, m.read_at, a.id, a.file_name, a.content_type, a.size
              from message m left join attachment a on a.id = m.attachment_id
             where m.thread_id = :thread%s
             order by m.created_at desc, m.id desc limit :limit""";

    private final Sql sql;
    private final Links links;
    private final Enrollments enrollments;
    private final ThreadAccess access;
    private final ThreadQueries queries;
    private final AttachmentService attachments;
    private final MessagingConfig config;
    private final Clock clock;
    private final Event<MessageSent> sent;
    private final Event<ThreadRead> read;

    public MessagingService(Sql sql, Links links, Enrollments enrollments, ThreadAccess access,
                            ThreadQueries queries, AttachmentService attachments, MessagingConfig config,
                            Clock clock, Event<MessageSent> sent, Event<ThreadRead> read) {
        this.sql = sql;
        this.links = links;
        this.enrollments = enrollments;
        this.access = access;
        this.queries = queries;
        this.attachments = attachments;
        this.config = config;
        this.clock = clock;
        this.sent = sent;
        this.read = read;
    }

    /** Sends as the parent or as the tutor, decided by whether the caller is {@code tutorId}. */
    @Transactional
    public MessageView send(Caller caller, SendMessageRequest request) {
        String text = validText(request.message());
        boolean asTutor = caller.id().equals(request.tutorId());
        UUID parentId = asTutor ? parentForTutor(caller, request) : checkParent(caller, request);
        SenderRole role = asTutor ? SenderRole.TUTOR : SenderRole.PARENT;
        Attachment attachment = request.attachmentUrl() == null ? null
                : attachments.attach(caller, request.attachmentUrl());

        Instant now = Time.now(clock);
        UUID messageId = UUID.randomUUID();
        UUID threadId = sql.query(UPSERT_THREAD)
                .bind("id", UUID.randomUUID())
                .bind("parent", parentId)
                .bind("tutor", request.tutorId())
                .bind("student", request.studentId())
                .bind("at", now)
                .bind("message", messageId)
                .bind("wake", role == SenderRole.PARENT)
                .first(rs -> Sql.uuid(rs, 1)).orElseThrow();
        sql.query(INSERT_MESSAGE)
                .bind("id", messageId)
                .bind("thread", threadId)
                .bind("role", role)
                .bind("sender", caller.id())
                .bind("body", text)
                .bind("at", now)
                .bind("attachment", attachment == null ? null : attachment.id)
                .update();
        sent.fire(new MessageSent(messageId, threadId, parentId, request.tutorId(), request.studentId(), role,
                caller.id(), now));
        return new MessageView(messageId, threadId, parentId, request.tutorId(), request.studentId(), role, text,
                attachment == null ? null : attachment.view(), now, null);
    }

    /**
     * The caller's threads: as tutor if they hold TUTOR and ask for it (the default for tutors), else as parent.
     * A first page fixes the snapshot whose order the following pages keep; its cursor carries it along. One
     * statement that only reads, so it runs without a transaction.
     */
    public Page<ThreadView> threads(Caller caller, Role as, ThreadFilter filter, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor, "cursor");
        if (after != null && after.snapshot() == null) {
            throw ApiException.badRequest("cursor is not a cursor of a thread list");
        }
        Instant now = Time.now(clock);
        Instant snapshot = after != null ? after.snapshot() : now;
        Role side = as != null ? as : (caller.has(Role.TUTOR) ? Role.TUTOR : Role.PARENT);
        List<ThreadView> rows;
        if (side == Role.TUTOR && caller.has(Role.TUTOR)) {
            rows = queries.forTutor(caller.id(), filter, now, snapshot, after, limit);
        } else if (side == Role.PARENT && caller.has(Role.PARENT)) {
            if (filter.usesTutorState()) {
                throw ApiException.badRequest("pinned and snoozed filter a tutor's inbox; a parent's list has neither");
            }
            rows = queries.forParent(caller.id(), filter, now, snapshot, after, limit);
        } else {
            throw ApiException.forbidden("Thread lists are for parents and tutors; your account is not a " + side);
        }
        Instant passSnapshot = after != null ? snapshot : latest(snapshot, rows);
        return Page.of(rows, limit, v -> new Cursor(Boolean.TRUE.equals(v.pinned()), v.lastActivityAt(),
                v.threadId(), passSnapshot));
    }

    /** A first page's snapshot: its "now", or later if another node's clock stamped a shown thread later. */
    private static Instant latest(Instant now, List<ThreadView> rows) {
        Instant latest = now;
        for (ThreadView row : rows) {
            if (row.lastActivityAt().isAfter(latest)) {
                latest = row.lastActivityAt();
            }
        }
        return latest;
    }

    /**
     * A page of a thread, newest first; the other side's unread messages are stamped read first. Three statements,
     * each atomic on its own, so no transaction around them: under PostgreSQL's READ COMMITTED each statement of a
     * transaction would see what others committed before it anyway (a message that arrives between the stamp and
     * the page shows up unread either way), and a link removed meanwhile would not be held off by a read.
     */
    public Page<MessageView> open(Caller caller, UUID threadId, String before, int limit) {
        Cursor cursor = Cursor.decode(before, "before");
        ThreadAccess.Grant grant = access.check(caller, threadId, false);
        if (grant.side() == ThreadAccess.Side.ADMIN) {
            throw new IllegalStateException("admins read through AdminService, which stamps nothing");
        }
        SenderRole reader = grant.side() == ThreadAccess.Side.TUTOR ? SenderRole.TUTOR : SenderRole.PARENT;
        Instant now = Time.now(clock);
        int stamped = sql.query(MARK_READ)
                .bind("now", now)
                .bind("thread", threadId)
                .bind("other", reader.other())
                .update();
        if (stamped > 0) {
            ThreadRef t = grant.thread();
            read.fire(new ThreadRead(threadId, t.parentId(), t.tutorId(), t.studentId(), reader, now, stamped));
        }
        return page(grant.thread(), cursor, limit);
    }

    /** A page of a thread, newest first, as stored: stamps nothing. Attachments come in the same statement. */
    public Page<MessageView> page(ThreadRef thread, Cursor before, int limit) {
        Sql.Statement q = sql.query(PAGE.formatted(before == null ? "" : " and (m.created_at, m.id) < (:at, :id)"))
                .bind("thread", thread.id())
                .bind("limit", limit + 1);
        if (before != null) {
            q.bind("at", before.at()).bind("id", before.id());
        }
        List<MessageView> views = q.list(rs -> new MessageView(Sql.uuid(rs, 1), thread.id(), thread.parentId(),
                thread.tutorId(), thread.studentId(), SenderRole.valueOf(rs.getString(2)), rs.getString(3),
                ThreadQueries.attachment(rs, 6), Sql.instant(rs, 4), Sql.instant(rs, 5)));
        return Page.of(views, limit, v -> new Cursor(false, v.createdAt(), v.id()));
    }

    private UUID checkParent(Caller caller, SendMessageRequest request) {
        if (!caller.has(Role.PARENT)) {
            throw ApiException.forbidden("Only a parent, or the tutor named by tutorId, may send this message");
        }
        if (request.parentId() != null && !request.parentId().equals(caller.id())) {
            throw ApiException.forbidden("As a parent you can only send as yourself; leave parentId out");
        }
        if (!links.holdLink(caller.id(), request.studentId())) {
            throw ApiException.forbidden("Your account is not linked to this student");
        }
        if (!enrollments.exists(request.studentId(), request.tutorId())) {
            throw ApiException.forbidden("This tutor does not teach this student");
        }
        return caller.id();
    }

    private UUID parentForTutor(Caller caller, SendMessageRequest request) {
        if (!caller.has(Role.TUTOR)) {
            throw ApiException.forbidden("Your account does not have the TUTOR role");
        }
        if (!enrollments.exists(request.studentId(), request.tutorId())) {
            throw ApiException.forbidden("You do not teach this student");
        }
        List<UUID> parents = links.holdParentsOf(request.studentId()).stream()
                .filter(parent -> !parent.equals(caller.id()))
                .toList();
        if (parents.isEmpty()) {
            throw ApiException.conflict("No parent is linked to this student yet, so there is no one to write to");
        }
        if (request.parentId() == null) {
            if (parents.size() > 1) {
                throw ApiException.badRequest("This student has " + parents.size()
                        + " linked parents: say which one with parentId");
            }
            return parents.get(0);
        }
        if (!parents.contains(request.parentId())) {
            throw ApiException.unprocessable("parentId " + request.parentId()
                    + " is not a parent linked to this student");
        }
        return request.parentId();
    }

    private String validText(String message) {
        String text = message == null ? "" : message.strip();
        int max = config.message().maxLength();
        if (text.isEmpty()) {
            throw ApiException.badRequest("message must not be empty");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw ApiException.badRequest("message must not contain NUL characters");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw ApiException.badRequest("message must be at most " + max + " characters");
        }
        return text;
    }
}
