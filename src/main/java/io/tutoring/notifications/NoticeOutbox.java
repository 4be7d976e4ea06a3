package io.tutoring.notifications;

import io.tutoring.messaging.MessageSent;
import io.tutoring.users.PreferencesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Writes the outbox: a notice for the recipient of every message, in the send transaction (it commits or rolls back
 * with the message). A user who changes their settings is released from any hold computed under the old ones.
 */
@ApplicationScoped
public class NoticeOutbox {

    private final NoticeQueries queries;
    private final NotificationsConfig config;
    private final NotificationMetrics metrics;

    public NoticeOutbox(NoticeQueries queries, NotificationsConfig config, NotificationMetrics metrics) {
        this.queries = queries;
        this.config = config;
        this.metrics = metrics;
    }

    void onSent(@Observes MessageSent sent) {
        queries.enqueue(sent.recipientId(), sent.messageId(), sent.threadId(), sent.createdAt(),
                sent.createdAt().plus(config.window()));
        metrics.queued();
    }

    void onPreferences(@Observes PreferencesChanged changed) {
        queries.hold(changed.userId(), null);
    }
}
