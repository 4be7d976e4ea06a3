package io.tutoring.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Family;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.tutoring.support.Api.sendOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The events of a send are ordered per recipient, not across the whole service: while a transaction holds one
 * tutor's event lock (as a send to that tutor does until it commits), a send to that tutor waits for it, and a send
 * between other people does not.
 */
@QuarkusTest
class LiveEventLocksTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSendWaitsOnlyForWritersToTheSamePeople() throws Exception {
        Family held = Family.create();
        Family other = Family.create();
        String heldThread = sendOk(held.parent(), held.tutor(), held.student(), "the thread exists");
        sendOk(other.parent(), other.tutor(), other.student(), "so does this one");

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement(
                    "select pg_advisory_xact_lock(hashtext('live_event:' || current_schema()), hashtext(?))")) {
                lock.setString(1, held.tutor().id().toString());
                lock.execute();
            }
            CompletableFuture<String> toHeld = CompletableFuture.supplyAsync(
                    () -> sendOk(held.parent(), held.tutor(), held.student(), "waits for the lock"));

            // Other people's send is not held up by the held tutor's lock.
            CompletableFuture<String> toOther = CompletableFuture.supplyAsync(
                    () -> sendOk(other.parent(), other.tutor(), other.student(), "goes through"));
            toOther.get(10, TimeUnit.SECONDS);
            // The send to the held tutor waits until the lock's transaction ends.
            Thread.sleep(300);
            assertFalse(toHeld.isDone(), "a send to the tutor whose events are locked waits for the lock");
            c.rollback();
            assertEquals(heldThread, toHeld.get(10, TimeUnit.SECONDS));
        }
    }
}
