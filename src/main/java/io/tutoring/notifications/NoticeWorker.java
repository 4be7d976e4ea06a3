package io.tutoring.notifications;

import io.quarkus.scheduler.Scheduled;
import io.tutoring.common.Time;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * The mail worker. It runs every few seconds on every instance ({@code notifications.worker.every}); each run mails
 * the recipients with due notices one by one, each claimed with {@code for update skip locked}, so that instances
 * running at once share the work and never mail one notice twice.
 */
@ApplicationScoped
public class NoticeWorker {

    private static final Logger LOG = Logger.getLogger(NoticeWorker.class);

    private final NoticeDelivery delivery;
    private final NoticeQueries queries;
    private final NotificationMetrics metrics;
    private final NotificationsConfig config;
    private final Clock clock;

    public NoticeWorker(NoticeDelivery delivery, NoticeQueries queries, NotificationMetrics metrics,
                        NotificationsConfig config, Clock clock) {
        this.delivery = delivery;
        this.queries = queries;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "notification-mail", every = "${notifications.worker.every:5s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "The notification mail worker failed; the next run tries again");
        }
    }

    /** One run: mails every recipient that is due (at most {@code worker.batch}); returns the mails sent. */
    public int run() {
        Instant now = Time.now(clock);
        int sent = 0;
        for (int i = 0; i < config.worker().batch(); i++) {
            NoticeDelivery.Outcome outcome = delivery.next(now);
            if (outcome == NoticeDelivery.Outcome.NONE) {
                break;
            }
            if (outcome == NoticeDelivery.Outcome.SENT) {
                sent++;
            }
        }
        var stats = queries.stats();
        metrics.outbox(stats.queued(), stats.oldest(), now);
        return sent;
    }

    /** Mails every recipient that is due now, however many (tests, and an operator's catch-up). */
    public int drain() {
        Instant now = Time.now(clock);
        int sent = 0;
        for (NoticeDelivery.Outcome o = delivery.next(now); o != NoticeDelivery.Outcome.NONE; o = delivery.next(now)) {
            sent += o == NoticeDelivery.Outcome.SENT ? 1 : 0;
        }
        return sent;
    }
}
