package io.tutoring.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The service's clock in tests: the system clock plus an offset a test can move forward, so that expiry is tested
 * without sleeping. Every reading is at least a microsecond after the previous one (PostgreSQL's precision), so
 * messages sent one after another always have distinct, ordered times. Tests that move it call {@link #reset()}
 * when done, so the next test runs at real time again.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private Duration offset = Duration.ZERO;
    private Instant last = Instant.EPOCH;

    @Override
    public synchronized Instant instant() {
        Instant now = Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
        if (!now.isAfter(last)) {
            now = last.plus(1, ChronoUnit.MICROS);
        }
        last = now;
        return now;
    }

    /** Moves the service's time forward. */
    public synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to real time. */
    public synchronized void reset() {
        offset = Duration.ZERO;
        last = Instant.EPOCH;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("The test clock runs in UTC only");
        }
        return this;
    }
}
