package io.tutoring.papertrail;

import io.tutoring.admin.AdminAudit;
import io.tutoring.admin.AdminAuditLog;
import io.tutoring.common.failures.NotFound;
import io.tutoring.messaging.ThreadAccess;
import io.tutoring.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Exports and the family timeline, with the rules of who may see them: the thread's parent (while linked) and
 * tutor through {@link ThreadAccess}, admins through the admin path, which records the export in the admin audit.
 * An export reads its thread in batches in chain order, up to the chain head it started with, so it never holds
 * the whole thread and a message sent meanwhile does not tear it.
 */
@ApplicationScoped
public class PaperTrailService {

    /** Messages read per statement while an export is written. */
    static final int BATCH = 500;

    private final PaperTrailQueries queries;
    private final ThreadAccess access;
    private final AdminAuditLog auditLog;

    public PaperTrailService(PaperTrailQueries queries, ThreadAccess access, AdminAuditLog auditLog) {
        this.queries = queries;
        this.access = access;
        this.auditLog = auditLog;
    }

    /** What an export starts from: the thread with its chain head, and the family timeline. */
    public record Export(PaperTrailQueries.Header thread, List<TimelineEntry> timeline) {
    }

    /** The thread's parent or tutor exports it. */
    public Export forParticipant(Caller caller, UUID threadId) {
        access.check(caller, threadId, false);
        return prepare(threadId);
    }

    /** An admin exports any thread; recorded as an admin read before the timeline is read, so it shows there too. */
    @Transactional
    public Export forAdmin(Caller caller, UUID threadId) {
        access.checkAdmin(caller, threadId);
        auditLog.recordRead(caller, threadId, AdminAudit.EXPORT);
        return prepare(threadId);
    }

    /** The family timeline of the thread, for its parent (while linked) or tutor. */
    public List<TimelineEntry> timeline(Caller caller, UUID threadId) {
        access.check(caller, threadId, false);
        return prepare(threadId).timeline();
    }

    /** Hands the export's messages to {@code each} in chain order, {@link #BATCH} per statement. */
    public void forEachMessage(Export export, Consumer<ExportedMessage> each) {
        PaperTrailQueries.Header thread = export.thread();
        int after = -1;
        while (after < thread.headIndex()) {
            List<ExportedMessage> batch = queries.batch(thread.threadId(), after, thread.headIndex(), BATCH);
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(each);
            after = batch.get(batch.size() - 1).index();
        }
    }

    private Export prepare(UUID threadId) {
        PaperTrailQueries.Header thread = queries.header(threadId)
                .orElseThrow(() -> new NotFound("No thread " + threadId + " that you can read"));
        return new Export(thread, queries.timeline(thread));
    }
}
