package io.tutoring.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tutoring.common.Cursor;
import io.tutoring.common.Keyset;
import io.tutoring.common.Page;
import io.tutoring.common.Time;
import io.tutoring.messaging.MessageView;
import io.tutoring.messaging.MessagingService;
import io.tutoring.messaging.ThreadAccess;
import io.tutoring.messaging.ThreadQueries;
import io.tutoring.messaging.ThreadView;
import io.tutoring.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What admins do with threads: list any, read any without marking it read, and see who read what. */
@ApplicationScoped
public class AdminService {

    /** One entry of the audit list. */
    @RegisterForReflection
    public record AuditEntry(UUID id, UUID adminId, String adminName, UUID threadId, String action, Instant at) {
    }

    private final EntityManager em;
    private final ThreadAccess access;
    private final ThreadQueries queries;
    private final MessagingService messaging;
    private final Clock clock;

    public AdminService(EntityManager em, ThreadAccess access, ThreadQueries queries, MessagingService messaging,
                        Clock clock) {
        this.em = em;
        this.access = access;
        this.queries = queries;
        this.messaging = messaging;
        this.clock = clock;
    }

    @Transactional
    public Page<ThreadView> threads(UUID parentId, UUID tutorId, UUID studentId, String cursor, int limit) {
        // The list shows who wrote last and when, not what: reading a message's text is what the audit records.
        List<ThreadView> rows = queries.forAdmin(parentId, tutorId, studentId, Cursor.decode(cursor, "cursor"), limit)
                .stream().map(AdminService::withoutText).toList();
        return Page.of(rows, limit, v -> new Cursor(false, v.lastActivityAt(), v.threadId()));
    }

    private static ThreadView withoutText(ThreadView v) {
        ThreadView.LastMessage m = v.lastMessage();
        ThreadView.LastMessage last = m == null ? null
                : new ThreadView.LastMessage(m.id(), m.role(), null, null, m.createdAt(), m.readAt());
        return new ThreadView(v.threadId(), v.parent(), v.tutor(), v.student(), last, v.unreadCount(), v.pinned(),
                v.snoozedUntil(), v.lastActivityAt());
    }

    /** Reads a page of any thread. Nothing is stamped read; the read itself is recorded. */
    @Transactional
    public Page<MessageView> read(Caller admin, UUID threadId, String before, int limit) {
        ThreadAccess.Grant grant = access.checkAdmin(admin, threadId);
        AdminAudit audit = new AdminAudit();
        audit.id = UUID.randomUUID();
        audit.adminId = admin.id();
        audit.threadId = threadId;
        audit.action = AdminAudit.READ_MESSAGES;
        audit.at = Time.now(clock);
        audit.persist();
        return messaging.page(grant.thread(), Cursor.decode(before, "before"), limit);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<AuditEntry> audit(UUID threadId, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor, "cursor");
        StringBuilder sql = new StringBuilder("""
                select a.id, a.admin_id, u.name, a.thread_id, a.action, a.at
                  from admin_audit a join app_user u on u.id = a.admin_id where true""");
        if (threadId != null) {
            sql.append(" and a.thread_id = :thread");
        }
        var q = Keyset.newestFirst(em, sql, "a.at", "a.id", after, limit);
        if (threadId != null) {
            q.setParameter("thread", threadId);
        }
        List<AuditEntry> rows = ((List<Object[]>) q.getResultList()).stream()
                .map(r -> new AuditEntry((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4],
                        Time.instant(r[5])))
                .toList();
        return Page.of(rows, limit, e -> new Cursor(false, e.at(), e.id()));
    }
}
