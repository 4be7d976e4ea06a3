package io.tutoring.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Classroom;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import io.tutoring.support.Statements;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.sendOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lists and the opening of a thread run a fixed number of SQL statements, however many threads and messages
 * there are: counted with Hibernate's statistics (on in the test profile) and the plain JDBC path's own count.
 */
@QuarkusTest
class InboxStatementsTest {

    @Inject
    Statements counter;

    @Test
    void aThreadListIsOneStatementForOneThreadOrAFullPage() {
        Classroom small = Classroom.of(1);
        sendOk(small.family(0).parent(), small.tutor(), small.family(0).student(), "only one");
        Classroom big = Classroom.of(12);
        for (int i = 0; i < 12; i++) {
            Family f = big.family(i);
            sendOk(f.parent(), big.tutor(), f.student(), "one of many");
            sendOk(big.tutor(), big.tutor(), f.student(), "reply");
            sendOk(f.parent(), big.tutor(), f.student(), "unread again");
        }
        as(big.tutor()).put("/api/tutor/threads/" + sendOk(big.family(3).parent(), big.tutor(),
                big.family(3).student(), "pin me") + "/pin").then().statusCode(200);
        as(big.tutor()).body(Map.of("until", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .put("/api/tutor/threads/" + sendOk(big.family(5).parent(), big.tutor(), big.family(5).student(),
                        "snooze me") + "/snooze").then().statusCode(200);

        assertEquals(1, statements(small.tutor(), "/api/parent/threads?limit=10"));
        assertEquals(1, statements(big.tutor(), "/api/parent/threads?limit=10"));
        String cursor = as(big.tutor()).get("/api/parent/threads?limit=4").then().statusCode(200)
                .extract().path("nextCursor");
        assertEquals(1, statements(big.tutor(), "/api/parent/threads?limit=4&cursor=" + cursor));
        assertEquals(1, statements(big.tutor(), "/api/parent/threads?limit=4&unread=true&cursor=" + cursor));
        assertEquals(1, statements(big.tutor(), "/api/parent/threads?snoozed=true"));
        assertEquals(1, statements(small.family(0).parent(), "/api/parent/threads"));
        assertEquals(1, statements(big.family(0).parent(), "/api/parent/threads?limit=1"));
    }

    @Test
    void openingAThreadIsAFixedNumberOfStatementsWhateverItsSize() {
        Family small = Family.create();
        String one = sendOk(small.parent(), small.tutor(), small.student(), "one");
        Family big = Family.create();
        String many = null;
        for (int i = 0; i < 30; i++) {
            many = sendOk(big.parent(), big.tutor(), big.student(), "message " + i);
        }
        long opened = statements(small.tutor(), "/api/parent/threads/" + one + "/messages");
        assertEquals(opened, statements(big.tutor(), "/api/parent/threads/" + many + "/messages?limit=20"));
        // Load the thread (with the parent's link), then stamp what is unread and read the page in one statement;
        // and, when something was stamped, the live events of the read (live/LiveEventWriter: the lock, then the
        // events and their NOTIFY).
        assertEquals(2 + 2, opened);
        // Nothing left to stamp: no read event either.
        assertEquals(2, statements(big.tutor(), "/api/parent/threads/" + many + "/messages?limit=20"));
        assertEquals(2, statements(big.parent(), "/api/parent/threads/" + many + "/messages?limit=20"));
    }

    private long statements(Person who, String path) {
        return counter.during(() -> as(who).get(path).then().statusCode(200));
    }
}
