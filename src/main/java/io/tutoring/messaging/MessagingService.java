package io.tutoring.messaging;

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
    private final MessagingConfig config;
    private final Clock clock;

    public MessagingService(EntityManager em, Links links, Enrollments enrollments, ThreadAccess access,
                            ThreadQueries queries, MessagingConfig config, Clock clock) {
        this.em = em;
        this.links = links;
        this.enrollments = enrollments;
        this.access = access;
        this.queries = queries;
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

        Instant now = Time.now(clock);
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.senderRole = role;
        message.senderId = caller.id();
        message.body = text;
        message.createdAt = now;
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
        return MessageView.of(message, thread, null);
    }

    /** The caller's threads: as tutor if they hold TUTOR and ask for it (the default for tutors), else as parent. */
    @Transactional
    public Page<ThreadView> threads(Caller caller, Role as, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor, "cursor");
        Role side = as != null ? as : (caller.has(Role.TUTOR) ? Role.TUTOR : Role.PARENT);
        if (side == Role.TUTOR && caller.has(Role.TUTOR)) {
            List<ThreadView> rows = queries.forTutor(caller.id(), Time.now(clock), after, limit);
            return Page.of(rows, limit, v -> new Cursor(Boolean.TRUE.equals(v.pinned()), v.lastActivityAt(),
                    v.threadId()));
        }
        if (side == Role.PARENT && caller.has(Role.PARENT)) {
            return Page.of(queries.forParent(caller.id(), after, limit), limit, MessagingService::activityKey);
        }
        throw ApiException.forbidden("Thread lists are for parents and tutors; your account is not a " + side);
    }

    /** A page of a thread, newest first; the other side's unread messages are stamped read first. */
    @Transactional
    public Page<MessageView> open(Caller caller, UUID threadId, String before, int limit) {
        ThreadAccess.Grant grant = access.check(caller, threadId, false);
        SenderRole reader = grant.side() == ThreadAccess.Side.TUTOR ? SenderRole.TUTOR : SenderRole.PARENT;
        em.createQuery("update Message set readAt = :now where threadId = :thread and senderRole = :other"
                        + " and readAt is null")
                .setParameter("now", Time.now(clock))
                .setParameter("thread", threadId)
                .setParameter("other", reader.other())
                .executeUpdate();
        return page(grant.thread(), Cursor.decode(before, "before"), limit);
    }

    /** A page of a thread, newest first, as stored: stamps nothing. */
    public Page<MessageView> page(MessageThread thread, Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("select * from message where thread_id = :thread");
        if (before != null) {
            sql.append(" and (created_at, id) < (:at, :id)");
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        var q = em.createNativeQuery(sql.toString(), Message.class)
                .setParameter("thread", thread.id)
                .setParameter("limit", limit + 1);
        if (before != null) {
            q.setParameter("at", before.at()).setParameter("id", before.id());
        }
        @SuppressWarnings("unchecked")
        List<Message> rows = q.getResultList();
        List<MessageView> views = rows.stream().map(m -> MessageView.of(m, thread, null)).toList();
        return Page.of(views, limit, v -> new Cursor(false, v.createdAt(), v.id()));
    }

    private UUID checkParent(Caller caller, SendMessageRequest request) {
        if (!caller.has(Role.PARENT)) {
            throw ApiException.forbidden("Only a parent, or the tutor named by tutorId, may send this message");
        }
        if (request.parentId() != null && !request.parentId().equals(caller.id())) {
            throw ApiException.forbidden("As a parent you can only send as yourself; leave parentId out");
        }
        if (!links.isLinked(caller.id(), request.studentId())) {
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
        List<UUID> parents = links.parentsOf(request.studentId());
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
        if (text.codePointCount(0, text.length()) > max) {
            throw ApiException.badRequest("message must be at most " + max + " characters");
        }
        return text;
    }

    static Cursor activityKey(ThreadView v) {
        return new Cursor(false, v.lastActivityAt(), v.threadId());
    }
}
