package io.tutoring.common;

import io.quarkus.scheduler.Scheduled;
import io.tutoring.common.failures.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window rate limits kept in PostgreSQL, so that every instance of the service counts against the same
 * limit. One attempt is one upsert that returns the new count; the count is committed on its own, so attempts
 * that go on to fail still count.
 */
@ApplicationScoped
public class RateLimiter {

    private static final String HIT = """
            insert into rate_limit_window (bucket, window_start, hits) values (:bucket, :start, 1)
            on conflict (bucket, window_start) do update set hits = rate_limit_window.hits + 1
            returning hits""";

    private static final String PURGE = "delete from rate_limit_window where window_start < :cutoff";

    private final Sql sql;
    private final Clock clock;

    public RateLimiter(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Counts one attempt in {@code bucket}; throws {@link RateLimited} (with the time until the window ends) once
     * more than {@code max} attempts fell into the current window.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = RateLimited.class)
    public void hit(String bucket, int max, Duration window, String what) {
        Instant now = Instant.now(clock);
        Instant start = windowStart(now, window);
        long size = Math.max(1, window.toSeconds());
        int hits = sql.query(HIT).bind("bucket", bucket).bind("start", start).one(rs -> rs.getInt("hits"));
        if (hits > max) {
            long retryAfter = Math.max(1, Duration.between(now, start.plusSeconds(size)).toSeconds());
            throw new RateLimited("Too many " + what + "; try again in " + retryAfter + " seconds",
                    Duration.ofSeconds(retryAfter));
        }
    }

    /** Counts one event in {@code bucket} and returns how many fell into the current window, this one included. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int count(String bucket, Duration window) {
        Instant start = windowStart(Instant.now(clock), window);
        return sql.query(HIT).bind("bucket", bucket).bind("start", start).one(rs -> rs.getInt("hits"));
    }

    /** The start of the fixed window of {@code size} that holds {@code now}. */
    public static Instant windowStart(Instant now, Duration window) {
        long size = Math.max(1, window.toSeconds());
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size) * size);
    }

    /** Drops windows that ended long ago. */
    @Scheduled(every = "1h", delayed = "10m")
    @Transactional
    void purge() {
        sql.query(PURGE).bind("cutoff", Instant.now(clock).minus(Duration.ofDays(1))).update();
    }
}
