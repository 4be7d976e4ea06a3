package io.tutoring.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer meters of the notification mail (Prometheus names in the README): notices queued, mails sent and
 * failed, and the outbox as the last worker run saw it (queued rows, age of the oldest). The gauges are read from
 * memory, so a scrape costs no statement; every instance reports the whole outbox.
 */
@ApplicationScoped
public class NotificationMetrics {

    private final Counter queued;
    private final Counter sent;
    private final Counter failed;
    private final Counter skipped;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public NotificationMetrics(MeterRegistry registry) {
        queued = Counter.builder("notifications.notices.queued").description("Notices written to the outbox")
                .register(registry);
        sent = Counter.builder("notifications.mails.sent").description("Notification mails the SMTP server took")
                .register(registry);
        failed = Counter.builder("notifications.mails.failed")
                .description("Notification mails that failed and will be retried").register(registry);
        skipped = Counter.builder("notifications.notices.skipped")
                .description("Notices not mailed: read meanwhile, mail off, or no address").register(registry);
        Gauge.builder("notifications.outbox.queued", backlog, AtomicLong::get)
                .description("Notices waiting in the outbox (as of the last worker run)").register(registry);
        Gauge.builder("notifications.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest queued notice (as of the last worker run)").register(registry);
    }

    void queued() {
        queued.increment();
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }

    void skipped(int count) {
        skipped.increment(count);
    }

    void outbox(long queuedRows, Instant oldest, Instant now) {
        backlog.set(queuedRows);
        oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
    }
}
