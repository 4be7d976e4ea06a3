package io.tutoring.notifications;

import io.tutoring.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The statements of the notification outbox: enqueue, claim a recipient, their notices, and the outcomes. */
@ApplicationScoped
public class NoticeQueries {

    /**
     * A notice for the recipient and their recipient row (the lock the worker takes). {@code do nothing} does not
     * wait for a worker that holds the row locked: a send never waits for a mail.
     */
    private static final String ENQUEUE = """
            with queued as (
                insert into notice (id, recipient_id, message_id, thread_id, created_at, due_at)
                values (:id, :recipient, :message, :thread, :at, :due))
            insert into notice_recipient (user_id) values (:recipient)
            on conflict (user_id) do nothing""";

    /**
     * One recipient with a due notice who is not held, locked for this transaction; recipients another worker holds
     * are skipped, never waited for.
     */
    private static final String CLAIM = """
            select r.user_id, r.last_mailed_at, r.attempts, u.email
              from notice_recipient r
              join app_user u on u.id = r.user_id
             where r.user_id in (select n.recipient_id from notice n where n.state = 'QUEUED' and n.due_at <= :now)
               and (r.hold_until is null or r.hold_until <= :now)
             limit 1
               for update of r skip locked""";

    /** The recipient's queued notices, oldest first, with what the mail says of each message and thread. */
    private static final String QUEUED = """
            select n.id, n.thread_id, n.created_at, n.due_at, m.read_at, m.body,
                   s.name as student_name, o.name as sender_name
              from notice n
              join message m on m.id = n.message_id
              join thread t on t.id = n.thread_id
              join app_user s on s.id = t.student_id
              join app_user o on o.id = m.sender_id
             where n.recipient_id = :recipient and n.state = 'QUEUED'
             order by n.created_at, n.id""";

    private static final String DONE = """
            update notice set state = :state, reason = :reason, done_at = :now
             where id = any(:ids) and state = 'QUEUED'""";

    private static final String HOLD = """
            update notice_recipient set hold_until = :until where user_id = :recipient""";

    private static final String MAILED = """
            update notice_recipient set last_mailed_at = :now, hold_until = null, attempts = 0, last_error = null
             where user_id = :recipient""";

    private static final String FAILED = """
            update notice_recipient set attempts = attempts + 1, hold_until = :until, last_error = :error
             where user_id = :recipient""";

    private static final String STATS = """
            select count(*) as queued, min(created_at) as oldest from notice where state = 'QUEUED'""";

    private final Sql sql;

    public NoticeQueries(Sql sql) {
        this.sql = sql;
    }

    void enqueue(UUID recipient, UUID message, UUID thread, Instant at, Instant due) {
        sql.query(ENQUEUE).bind("id", UUID.randomUUID()).bind("recipient", recipient).bind("message", message)
                .bind("thread", thread).bind("at", at).bind("due", due).update();
    }

    /** A recipient this transaction now holds. */
    record Recipient(UUID userId, Instant lastMailedAt, int attempts, String email) {
    }

    Optional<Recipient> claim(Instant now) {
        return sql.query(CLAIM).bind("now", now).first(rs -> new Recipient(Sql.uuid(rs, "user_id"),
                Sql.instant(rs, "last_mailed_at"), rs.getInt("attempts"), rs.getString("email")));
    }

    /** A queued notice and what the mail shows of it. */
    record Queued(UUID id, UUID threadId, Instant createdAt, Instant dueAt, Instant readAt, String body,
                  String studentName, String senderName) {
    }

    List<Queued> queued(UUID recipient) {
        return sql.query(QUEUED).bind("recipient", recipient).list(rs -> new Queued(Sql.uuid(rs, "id"),
                Sql.uuid(rs, "thread_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "due_at"),
                Sql.instant(rs, "read_at"), rs.getString("body"), rs.getString("student_name"),
                rs.getString("sender_name")));
    }

    void sent(List<UUID> ids, Instant now) {
        done(ids, "SENT", null, now);
    }

    void skipped(List<UUID> ids, String reason, Instant now) {
        done(ids, "SKIPPED", reason, now);
    }

    private void done(List<UUID> ids, String state, String reason, Instant now) {
        if (!ids.isEmpty()) {
            sql.query(DONE).bind("ids", Sql.array("uuid", ids)).bind("state", state).bind("reason", reason)
                    .bind("now", now).update();
        }
    }

    void hold(UUID recipient, Instant until) {
        sql.query(HOLD).bind("recipient", recipient).bind("until", until).update();
    }

    void mailed(UUID recipient, Instant now) {
        sql.query(MAILED).bind("recipient", recipient).bind("now", now).update();
    }

    void failed(UUID recipient, Instant retryAt, String error) {
        sql.query(FAILED).bind("recipient", recipient).bind("until", retryAt).bind("error", error).update();
    }

    /** Queued notices and the creation time of the oldest (null when none). */
    record Stats(long queued, Instant oldest) {
    }

    Stats stats() {
        return sql.query(STATS).one(rs -> new Stats(rs.getLong("queued"), Sql.instant(rs, "oldest")));
    }
}
