package io.tutoring.common.idempotency;

import io.tutoring.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The statements of idempotency keys: claim, record, release, and the purge of expired keys. */
@ApplicationScoped
public class IdempotencyQueries {

    /**
     * Takes the key for a request: a new row, or an old one whose time is up (expired, or held too long by a request
     * that never finished). A concurrent claim of the same key waits for this one's commit and then finds the row
     * taken. Returns a row only when the caller now holds the key.
     */
    private static final String CLAIM = """
            insert into idempotency_key as k (caller_id, idem_key, fingerprint, created_at, expires_at)
            values (:caller, :key, :fingerprint, :now, :expires)
            on conflict (caller_id, idem_key) do update
               set fingerprint = excluded.fingerprint, created_at = excluded.created_at,
                   expires_at = excluded.expires_at, completed_at = null, status = null, headers = null, body = null
             where k.expires_at <= excluded.created_at
                or (k.completed_at is null and k.created_at < :staleBefore)
            returning k.caller_id""";

    private static final String FIND = """
            select fingerprint, completed_at, status, headers::text as headers, body
              from idempotency_key
             where caller_id = :caller and idem_key = :key""";

    private static final String RECORD = """
            update idempotency_key
               set completed_at = :now, status = :status, headers = cast(:headers as jsonb), body = :body
             where caller_id = :caller and idem_key = :key""";

    private static final String RELEASE = """
            delete from idempotency_key
             where caller_id = :caller and idem_key = :key and completed_at is null""";

    /** Locks the job's row if it is due and no other instance holds it. */
    private static final String DUE_JOB = """
            select name from scheduled_job
             where name = :name and next_run_at <= :now
               for update skip locked""";

    private static final String RESCHEDULE = "update scheduled_job set next_run_at = :next where name = :name";

    private static final String PURGE = """
            delete from idempotency_key
             where (caller_id, idem_key) in (select caller_id, idem_key from idempotency_key
                                              where expires_at <= :now limit :batch)""";

    /** What is stored under a key: the fingerprint, and the answer once the first request completed. */
    record Stored(byte[] fingerprint, Instant completedAt, Integer status, String headers, String body) {
    }

    private final Sql sql;

    public IdempotencyQueries(Sql sql) {
        this.sql = sql;
    }

    boolean claim(UUID caller, String key, byte[] fingerprint, Instant now, Instant expires, Instant staleBefore) {
        return sql.query(CLAIM).bind("caller", caller).bind("key", key).bind("fingerprint", fingerprint)
                .bind("now", now).bind("expires", expires).bind("staleBefore", staleBefore)
                .first(rs -> Boolean.TRUE).isPresent();
    }

    Optional<Stored> find(UUID caller, String key) {
        return sql.query(FIND).bind("caller", caller).bind("key", key)
                .first(rs -> new Stored(rs.getBytes("fingerprint"), Sql.instant(rs, "completed_at"),
                        (Integer) rs.getObject("status"), rs.getString("headers"), rs.getString("body")));
    }

    void record(UUID caller, String key, Instant now, int status, String headers, String body) {
        sql.query(RECORD).bind("caller", caller).bind("key", key).bind("now", now).bind("status", status)
                .bind("headers", headers).bind("body", body).update();
    }

    void release(UUID caller, String key) {
        sql.query(RELEASE).bind("caller", caller).bind("key", key).update();
    }

    boolean lockDueJob(String name, Instant now) {
        return sql.query(DUE_JOB).bind("name", name).bind("now", now).first(rs -> Boolean.TRUE).isPresent();
    }

    void reschedule(String name, Instant next) {
        sql.query(RESCHEDULE).bind("name", name).bind("next", next).update();
    }

    int purge(Instant now, int batch) {
        return sql.query(PURGE).bind("now", now).bind("batch", batch).update();
    }
}
