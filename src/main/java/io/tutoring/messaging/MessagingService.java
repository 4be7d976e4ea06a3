package io.tutoring.messaging;

import io.tutoring.attachments.Attachment;
import io.tutoring.attachments.AttachmentService;
import io.tutoring.common.ApiException;
import io.tutoring.common.Cursor;
import io.tutoring.common.MessagingConfig;
import io.tutoring.common.Page;
import io.tutoring.common.Time;
import io.tutoring.enrollments.Enrollments;
import io.tutoring.links.Links;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    private final EntityManager em;
    private final Links links;
    private final Enrollments enrollments;
    private final ThreadAccess access;
    private final ThreadQueries queries;
    private final AttachmentService attachments;
    private final MessagingConfig config;
    private final Clock clock;

    public MessagingService(EntityManager em, Links links, Enrollments enrollments, ThreadAccess access,
                            ThreadQueries queries, AttachmentService attachments, MessagingConfig config,
                            Clock clock) {
        this.em = em;
        this.links = links;
        this.enrollments = enrollments;
        this.access = access;
        this.queries = queries;
        this.attachments = attachments;
        this.config = config;
        this.clock = clock;
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
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.senderRole = role;
        message.senderId = caller.id();
        message.body = text;
        message.createdAt = now;
        message.attachmentId = attachment == null ? null : attachment.id;
        // No result class: Hibernate 7.2 cannot match a native query with a basic result class in its plan cache,
        // so each call would add one more entry under the same key (see BENCHMARKS.md). The column is a UUID anyway.
        message.threadId = (UUID) em.createNativeQuery(UPSERT_THREAD)
                .setParameter("id", UUID.randomUUID())
                .setParameter("parent", parentId)
                .setParameter("tutor", request.tutorId())
                .setParameter("student", request.studentId())
                .setParameter("at", now)
                .setParameter("message", message.id)
                .setParameter("wake", role == SenderRole.PARENT)
                .getSingleResult();
        em.persist(message);

        MessageThread thread = new MessageThread();
        thread.id = message.threadId;
        thread.parentId = parentId;
        thread.tutorId = request.tutorId();
        thread.studentId = request.studentId();
        return MessageView.of(message, thread, attachment == null ? null : attachment.view());
    }

    /**
     * The caller's threads: as tutor if they hold TUTOR and ask for it (the default for tutors), else as parent.
     * A first page fixes the snapshot whose order the following pages keep; its cursor carries it along.
     */
    @Transactional
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

    /** A page of a thread, newest first; the other side's unread messages are stamped read first. */
    @Transactional
    public Page<MessageView> open(Caller caller, UUID threadId, String before, int limit) {
        Cursor cursor = Cursor.decode(before, "before");
        ThreadAccess.Grant grant = access.check(caller, threadId, false);
        if (grant.side() == ThreadAccess.Side.ADMIN) {
            throw new IllegalStateException("admins read through AdminService, which stamps nothing");
        }
        SenderRole reader = grant.side() == ThreadAccess.Side.TUTOR ? SenderRole.TUTOR : SenderRole.PARENT;
        em.createQuery("update Message set readAt = :now where threadId = :thread and senderRole = :other"
                        + " and readAt is null")
                .setParameter("now", Time.now(clock))
                .setParameter("thread", threadId)
                .setParameter("other", reader.other())
                .executeUpdate();
        return page(grant.thread(), cursor, limit);
    }

    /** A page of a thread, newest first, as stored: stamps nothing. Attachments come in the same query. */
    public Page<MessageView> page(MessageThread thread, Cursor before, int limit) {
        StringBuilder jpql = new StringBuilder("select m, a from Message m left join Attachment a"
                + " on a.id = m.attachmentId where m.threadId = :thread");
        if (before != null) {
            jpql.append(" and (m.createdAt, m.id) < (:at, :id)");
        }
        jpql.append(" order by m.createdAt desc, m.id desc");
        var q = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("thread", thread.id)
                .setMaxResults(limit + 1);
        if (before != null) {
            q.setParameter("at", before.at()).setParameter("id", before.id());
        }
        List<MessageView> views = q.getResultList().stream()
                .map(r -> MessageView.of((Message) r[0], thread, r[1] == null ? null : ((Attachment) r[1]).view()))
                .toList();
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
