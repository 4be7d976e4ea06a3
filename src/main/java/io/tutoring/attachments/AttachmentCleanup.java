package io.tutoring.attachments;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.tutoring.common.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Deletes uploads that were never attached to a message, {@code attachments.cleanup.after} (24 h) after they were
 * requested: the rows and both possible objects. Rows are claimed with {@code for update skip locked}, so a send
 * that is attaching one right now either wins (the row is no longer unattached) or finds it gone; and the objects
 * are deleted before the rows are, so a failure leaves the rows for the next run rather than orphaned objects.
 * Several instances may run it at once: each claims other rows. When the application stops, a run ends after the
 * batch in hand (each batch is its own transaction), and no run starts while the application is not running.
 */
@ApplicationScoped
public class AttachmentCleanup {

    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(AttachmentCleanup.class);

    private final AttachmentQueries queries;
    private final AttachmentStore store;
    private final AttachmentsConfig config;
    private final Clock clock;

    public AttachmentCleanup(AttachmentQueries queries, AttachmentStore store, AttachmentsConfig config, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(identity = "attachment-cleanup", every = "${attachments.cleanup.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int deleted = run(Time.now(clock), () -> !stopping);
        if (deleted > 0) {
            LOG.infof("Deleted %d uploads that were never attached", deleted);
        }
    }

    /** Deletes every upload requested before {@code now - cleanup.after} and still unattached; returns how many. */
    public int run(Instant now) {
        return run(now, () -> true);
    }

    /** As {@link #run(Instant)}, but starts another batch only while {@code goOn} says so. */
    int run(Instant now, BooleanSupplier goOn) {
        int total = 0;
        int deleted;
        do {
            deleted = deleteBatch(now.minus(config.cleanup().after()));
            total += deleted;
        } while (deleted == BATCH && goOn.getAsBoolean());
        return total;
    }

    @Transactional
    int deleteBatch(Instant cutoff) {
        List<UUID> ids = queries.claimUnattached(cutoff, BATCH);
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> keys = new ArrayList<>(ids.size() * 2);
        for (UUID id : ids) {
            keys.add(Attachment.uploadKey(id));
            keys.add(Attachment.storedKey(id));
        }
        store.delete(keys);
        queries.delete(ids);
        return ids.size();
    }
}
