package io.tutoring.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Family;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static io.tutoring.support.Api.sendOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Old events are pruned, by one instance at a time. */
@QuarkusTest
class LivePruneTest {

    @Inject
    LivePrune prune;

    @Inject
    LiveConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsOlderThanTheRetentionArePrunedAndNewerOnesKept() throws Exception {
        Family f = Family.create();
        sendOk(f.parent(), f.tutor(), f.student(), "hello");
        assertTrue(count() >= 3);
        assertEquals(0, prune.run(Instant.now().minus(Duration.ofMinutes(1))), "nothing is that old yet");
        assertTrue(prune.run(Instant.now().plus(config.retention()).plusSeconds(60)) >= 3);
        assertEquals(0, count());
    }

    @Test
    void whileAnotherInstancePrunesThisOneSkips() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("select pg_advisory_xact_lock(hashtext('live_event_prune:' || current_schema()))");
            }
            assertEquals(-1, prune.run(Instant.now().plus(config.retention()).plusSeconds(60)));
            other.rollback();
        }
        assertTrue(prune.run(Instant.now()) >= 0, "after the other run, pruning works again");
    }

    private long count() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from live_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
