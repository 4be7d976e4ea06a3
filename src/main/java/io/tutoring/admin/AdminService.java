package io.tutoring.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tutoring.common.Cursor;
import io.tutoring.common.Page;
import io.tutoring.messaging.MessageView;
import io.tutoring.messaging.MessagingService;
import io.tutoring.messaging.ThreadAccess;
import io.tutoring.messaging.ThreadQueries;
import io.tutoring.messaging.ThreadView;
import io.tutoring.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    private final ThreadAccess access;
    private final ThreadQueries threads;
    private final MessagingService messaging;
    private final AdminAuditLog auditLog;
    private final AdminQueries queries;

    public AdminService(ThreadAccess access, ThreadQueries threads, MessagingService messaging,
                        AdminAuditLog auditLog, AdminQueries queries) {
        this.access = access;
        this.threads = threads;
        this.messaging = messaging;
        this.auditLog = auditLog;
        this.queries = queries;
    }

    public Page<ThreadView> threads(UUID parentId, UUID tutorId, UUID studentId, Cursor after, int limit) {
        // The list shows who wrote last and when, not what: reading a message's text is what the audit records.
        List<ThreadView> rows = threads.forAdmin(parentId, tutorId, studentId, after, limit)
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
    public Page<MessageView> read(Caller admin, UUID threadId, Cursor before, int limit) {
        ThreadAccess.Grant grant = access.checkAdmin(admin, threadId);
        auditLog.recordRead(admin, threadId, AdminAudit.READ_MESSAGES);
        return messaging.page(grant.thread(), before, limit);
    }

    public Page<AuditEntry> audit(UUID threadId, Cursor after, int limit) {
        return Page.of(queries.audit(threadId, after, limit), limit, e -> new Cursor(false, e.at(), e.id()));
    }
}
