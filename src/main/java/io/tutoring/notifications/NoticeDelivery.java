package io.tutoring.notifications;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.tutoring.users.EmailFrequency;
import io.tutoring.users.NotificationSettings;
import io.tutoring.users.PreferencesService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Mails one recipient, in a transaction of its own that holds their {@code notice_recipient} row: no other worker
 * (thread or instance) mails them until it commits. Read messages are dropped, mail off drops everything, a mail not
 * due yet (window, digest hour, quiet hours) holds the recipient until it is; an SMTP failure keeps every notice
 * queued and holds the recipient for a backoff that doubles per failure.
 */
@ApplicationScoped
public class NoticeDelivery {

    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class);

    /** What one step did. */
    enum Outcome { NONE, SKIPPED, HELD, SENT, FAILED }

    private final NoticeQueries queries;
    private final PreferencesService preferences;
    private final NoticeMail mail;
    private final ReactiveMailer mailer;
    private final NotificationsConfig config;
    private final NotificationMetrics metrics;

    public NoticeDelivery(NoticeQueries queries, PreferencesService preferences, NoticeMail mail,
                          ReactiveMailer mailer, NotificationsConfig config, NotificationMetrics metrics) {
        this.queries = queries;
        this.preferences = preferences;
        this.mail = mail;
        this.mailer = mailer;
        this.config = config;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Outcome next(Instant now) {
        var claimed = queries.claim(now);
        if (claimed.isEmpty()) {
            return Outcome.NONE;
        }
        NoticeQueries.Recipient recipient = claimed.get();
        NotificationSettings settings = preferences.of(recipient.userId());
        List<NoticeQueries.Queued> unread = new ArrayList<>();
        List<UUID> read = new ArrayList<>();
        for (NoticeQueries.Queued n : queries.queued(recipient.userId())) {
            if (n.readAt() == null) {
                unread.add(n);
            } else {
                read.add(n.id());
            }
        }
        queries.skipped(read, "READ", now);
        metrics.skipped(read.size());
        String reason = settings.email() == EmailFrequency.OFF ? "OFF"
                : recipient.email() == null || recipient.email().isBlank() ? "NO_ADDRESS" : null;
        if (reason != null || unread.isEmpty()) {
            List<UUID> ids = unread.stream().map(NoticeQueries.Queued::id).toList();
            queries.skipped(ids, reason, now);
            metrics.skipped(ids.size());
            queries.hold(recipient.userId(), null);
            return Outcome.SKIPPED;
        }
        Instant at = SendTime.earliest(settings, unread.get(0).createdAt(),
                unread.stream().map(NoticeQueries.Queued::dueAt).min(Instant::compareTo).orElseThrow(),
                recipient.lastMailedAt(), config.window());
        if (at.isAfter(now)) {
            queries.hold(recipient.userId(), at);
            return Outcome.HELD;
        }
        Mail message = mail.compose(recipient.email(), settings, unread);
        try {
            mailer.send(message).await().atMost(config.worker().sendTimeout());
        } catch (RuntimeException e) {
            Duration backoff = backoff(recipient.attempts() + 1);
            queries.failed(recipient.userId(), now.plus(backoff), e.getClass().getSimpleName());
            metrics.failed();
            LOG.warnf("Notification mail to user %s failed (attempt %d, %s); retrying in %s", recipient.userId(),
                    recipient.attempts() + 1, e.getClass().getSimpleName(), backoff);
            return Outcome.FAILED;
        }
        queries.sent(unread.stream().map(NoticeQueries.Queued::id).toList(), now);
        queries.mailed(recipient.userId(), now);
        metrics.sent();
        LOG.infof("Mailed %d notice(s) to user %s", unread.size(), recipient.userId());
        return Outcome.SENT;
    }

    /** {@code retryFirst × 2^(attempt-1)}, at most {@code retryMax}. */
    Duration backoff(int attempt) {
        Duration first = config.worker().retryFirst();
        Duration max = config.worker().retryMax();
        Duration wait = first.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
