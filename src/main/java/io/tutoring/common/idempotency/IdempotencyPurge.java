package io.tutoring.common.idempotency;

import io.quarkus.scheduler.Scheduled;
import io.tutoring.common.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes expired idempotency keys, on one instance per period however many run: every instance's scheduler fires,
 * but a run first locks the job's {@code scheduled_job} row with {@code for update skip locked} and only goes on if
 * its {@code next_run_at} has come; it then moves {@code next_run_at} one period on in the same transaction. An
 * instance that finds the row locked (another is purging) or not yet due does nothing.
 */
@ApplicationScoped
public class IdempotencyPurge {

    static final String JOB = "idempotency-purge";
    static final int BATCH = 10_000;

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyQueries queries;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotencyPurge(IdempotencyQueries queries, IdempotencyConfig config, Clock clock) {
        this.queries = queries;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${idempotency.purge-every:15M}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int deleted = run(Time.now(clock));
        if (deleted > 0) {
            LOG.infof("Deleted %d expired idempotency keys", deleted);
        }
    }

    /**
     * Deletes the keys expired at {@code now} if the job is due and no other instance is running it; returns how
     * many were deleted, or -1 when this instance did not run it.
     */
    @Transactional
    public int run(Instant now) {
        if (!queries.lockDueJob(JOB, now)) {
            return -1;
        }
        int total = 0;
        int deleted;
        do {
            deleted = queries.purge(now, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        queries.reschedule(JOB, now.plus(config.purgeEvery()));
        return total;
    }
}
