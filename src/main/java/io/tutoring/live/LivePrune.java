package io.tutoring.live;

import io.quarkus.scheduler.Scheduled;
import io.tutoring.common.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes events older than {@code live.retention} (24 h): past that, a reconnecting client reloads its page
 * instead of replaying. Every instance schedules it; a transaction-scoped advisory lock lets one run at a time
 * across instances (the others skip), and a second run right after the first finds nothing to delete.
 */
@ApplicationScoped
public class LivePrune {

    private static final Logger LOG = Logger.getLogger(LivePrune.class);

    private final LiveQueries queries;
    private final LiveConfig config;
    private final Clock clock;

    public LivePrune(LiveQueries queries, LiveConfig config, Clock clock) {
        this.queries = queries;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "live-event-prune", every = "${live.prune-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int deleted = run(Time.now(clock));
        if (deleted > 0) {
            LOG.infof("Pruned %d live events older than %s", deleted, config.retention());
        }
    }

    /** Deletes the events older than {@code now - retention}; how many, or -1 when another instance was pruning. */
    @Transactional
    public int run(Instant now) {
        return queries.prune(now.minus(config.retention()));
    }
}
