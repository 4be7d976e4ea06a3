package io.tutoring.admin;

import io.tutoring.common.Time;
import io.tutoring.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * The one writer of the admin audit: every admin read of a thread or of what hangs off it (its messages, an
 * attachment) is recorded here, in the transaction of the read.
 */
@ApplicationScoped
public class AdminAuditLog {

    private final Clock clock;

    public AdminAuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Records that {@code admin} read {@code threadId}; {@code action} is one of the AdminAudit actions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRead(Caller admin, UUID threadId, String action) {
        AdminAudit audit = new AdminAudit();
        audit.id = UUID.randomUUID();
        audit.adminId = admin.id();
        audit.threadId = threadId;
        audit.action = action;
        audit.at = Time.now(clock);
        audit.persist();
    }
}
