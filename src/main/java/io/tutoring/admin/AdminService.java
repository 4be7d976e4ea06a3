package io.tutoring.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tutoring.common.Cursor;
import io.tutoring.common.Page;
import io.tutoring.messaging.MessageView;
import io.tutoring.messaging.MessagingService;
import io.tutoring.messaging.ThreadAccess;
import io.tutoring.messaging.ThreadQueries;
import io.tutoring.messaging.ThreadView;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.common.failures.NotFound;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import io.tutoring.users.User;
import io.tutoring.users.UserDirectory;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What admins do with threads: list any, read any without marking it read, and see who read what. */
@ApplicationScoped
public class AdminService {

    /** One entry of the audit list. */
    @RegisterForReflection
    public record AuditEntry(UUID id, UUID adminId, String adminName, UUID threadId, String action, Instant at) {
    }

    /** An audit entry with the people of the thread that was read, as the audit page lists it. */
    public record AuditLine(AuditEntry entry, ThreadSummary thread) {
    }

    /** A thread by the names of its three people. */
    public record ThreadSummary(UUID threadId, UserRef parent, UserRef tutor, UserRef student) {
    }

    /** A page of a thread as an admin reads it: who it is between, and the messages, newest first. */
    public record Reading(ThreadSummary thread, Page<MessageView> messages) {
    }

    /** A parent, tutor or student an admin can look threads up by. */
    public record Person(UUID id, String name, String email, Set<Role> roles) {

        public boolean parent() {
            return roles.contains(Role.PARENT);
        }

        public boolean tutor() {
            return roles.contains(Role.TUTOR);
        }

        public boolean student() {
            return roles.contains(Role.STUDENT);
        }
    }

    /** How many people a search shows at most. */
    public static final int PEOPLE_SHOWN = 20;

    private final ThreadAccess access;
    private final ThreadQueries threads;
    private final MessagingService messaging;
    private final AdminAuditLog auditLog;
    private final AdminQueries queries;
    private final UserDirectory users;

    public AdminService(ThreadAccess access, ThreadQueries threads, MessagingService messaging,
                        AdminAuditLog auditLog, AdminQueries queries, UserDirectory users) {
        this.users = users;
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

    /** Reads a page of any thread with the names of its people. Nothing is stamped read; the read is recorded. */
    @Transactional
    public Reading reading(Caller admin, UUID threadId, Cursor before, int limit) {
        Page<MessageView> messages = read(admin, threadId, before, limit);
        ThreadSummary thread = queries.summary(threadId).orElseThrow(() -> new NotFound("No thread " + threadId));
        return new Reading(thread, messages);
    }

    /**
     * Parents, tutors and students whose name or email contains {@code words} (case-insensitively), by name; at most
     * {@link #PEOPLE_SHOWN}.
     */
    public List<Person> people(String words) {
        String trimmed = words == null ? "" : words.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        if (trimmed.length() > 100) {
            throw new InvalidInput("Search for at most 100 characters");
        }
        return queries.people(trimmed, PEOPLE_SHOWN);
    }

    /** A user an admin filters threads by, if there is one. */
    public Optional<Person> person(UUID id) {
        return users.find(id).map(u -> new Person(u.id, u.name, u.email, rolesOf(u)));
    }

    private static Set<Role> rolesOf(User user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (user.hasRole(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Reads a page of any thread. Nothing is stamped read; the read itself is recorded. */
    @Transactional
    public Page<MessageView> read(Caller admin, UUID threadId, Cursor before, int limit) {
        ThreadAccess.Grant grant = access.checkAdmin(admin, threadId);
        auditLog.recordRead(admin, threadId, AdminAudit.READ_MESSAGES);
        return messaging.page(grant.thread(), before, limit);
    }

    public Page<AuditEntry> audit(UUID threadId, Cursor after, int limit) {
        Page<AuditLine> lines = auditLines(threadId, after, limit);
        return new Page<>(lines.items().stream().map(AuditLine::entry).toList(), lines.nextCursor());
    }

    /** The audit, newest first, each entry with the names of the thread's people. */
    public Page<AuditLine> auditLines(UUID threadId, Cursor after, int limit) {
        return Page.of(queries.audit(threadId, after, limit), limit,
                l -> new Cursor(false, l.entry().at(), l.entry().id()));
    }
}
