package io.tutoring.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import io.tutoring.support.Statements;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tutoring.support.Api.sendOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A send runs a fixed number of statements, and the recipients' event locks (live/LiveQueries) come last: every
 * other send to the same people waits for them until the holder commits, so nothing but the events may follow.
 */
@QuarkusTest
class SendStatementsTest {

    @Inject
    Statements statements;

    @Test
    void aSendIsEightStatementsWithTheEventLockLast() {
        Family family = Family.create();
        sendOk(family.parent(), family.tutor(), family.student(), "the first, which makes the thread");

        // The parent: link, enrollment, thread upsert, chain head, message, notice, event lock, events.
        assertEventLockLast(sendOf(family.parent(), family));
        // The tutor: enrollment, the student's parents, and the same six.
        assertEventLockLast(sendOf(family.tutor(), family));
    }

    private List<String> sendOf(Person sender, Family family) {
        List<String> sql = statements.sqlDuring(
                () -> sendOk(sender, family.tutor(), family.student(), "one more from " + sender.name()));
        return sql.stream().filter(s -> !background(s)).toList();
    }

    private static void assertEventLockLast(List<String> sql) {
        assertEquals(8, sql.size(), () -> String.join("\n---\n", sql));
        int notice = indexOf(sql, "insert into notice");
        int lock = indexOf(sql, "pg_advisory_xact_lock");
        int events = indexOf(sql, "insert into live_event");
        assertTrue(notice >= 0 && notice < lock, () -> "the notice is written before the event lock: " + sql);
        assertEquals(sql.size() - 2, lock, () -> "the event lock is the last but one statement: " + sql);
        assertEquals(sql.size() - 1, events, () -> "the events are the last statement: " + sql);
    }

    private static int indexOf(List<String> sql, String fragment) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /** What the instance's jobs may run meanwhile: the notice worker's poll, the outbox gauge, the event listener. */
    private static boolean background(String sql) {
        return sql.contains("skip locked") || sql.contains("as queued") || sql.contains("from live_event e")
                || sql.contains("live_event_prune");
    }
}
