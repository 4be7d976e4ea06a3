package io.tutoring.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import io.tutoring.support.MovableClockTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tutoring.messaging.InboxListTest.ids;
import static io.tutoring.messaging.InboxListTest.pin;
import static io.tutoring.messaging.InboxListTest.snooze;
import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.enroll;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.sendOk;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pin and snooze: only the thread's tutor, and only sensible snooze times. */
@QuarkusTest
class InboxControlsTest extends MovableClockTest {

    private static final List<String> CONTROLS = List.of("PUT pin", "DELETE pin", "PUT snooze", "DELETE snooze");

    @Test
    void theThreadsTutorPinsUnpinsSnoozesAndWakes() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        pin(f.tutor(), thread).statusCode(200).body("threadId", equalTo(thread)).body("pinned", equalTo(true));
        pin(f.tutor(), thread).statusCode(200).body("pinned", equalTo(true));
        String until = Instant.now(clock).plus(Duration.ofDays(3)).toString();
        snooze(f.tutor(), thread, until).statusCode(200).body("pinned", equalTo(true))
                .body("snoozedUntil", equalTo(until));
        as(f.tutor()).delete("/api/tutor/threads/" + thread + "/snooze").then().statusCode(200)
                .body("snoozedUntil", equalTo(null)).body("pinned", equalTo(true));
        as(f.tutor()).delete("/api/tutor/threads/" + thread + "/pin").then().statusCode(200)
                .body("pinned", equalTo(false));
        assertEquals(List.of(thread), ids(f.tutor(), "pinned=false"));
    }

    @Test
    void theThreadsParentIsRefused() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        for (String control : CONTROLS) {
            problem(call(f.parent(), control, thread), 403);
        }
    }

    @Test
    void theThreadsParentWhoIsAlsoATutorIsRefused() {
        Family f = Family.create();
        Person parentAndTutor = newUser("Parent and tutor", "PARENT", "TUTOR");
        link(f.admin(), parentAndTutor, f.student());
        // The student now has two parents, so the tutor says which one.
        String thread = as(f.tutor()).body(Map.of("tutorId", f.tutor().id(), "studentId", f.student().id(),
                        "message", "Hello", "parentId", parentAndTutor.id()))
                .post("/api/parent/messages").then().statusCode(201).extract().path("threadId");
        for (String control : CONTROLS) {
            String detail = problem(call(parentAndTutor, control, thread), 403);
            assertTrue(detail.contains("Only the thread's tutor"), detail);
        }
    }

    @Test
    void anotherTutorAnAdminAndStrangersAreRefused() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        Person otherTutor = newUser("Other tutor", "TUTOR");
        enroll(f.admin(), f.student(), otherTutor);
        for (String control : CONTROLS) {
            problem(call(otherTutor, control, thread), 404);
            problem(call(f.admin(), control, thread), 403);
            problem(call(f.student(), control, thread), 403);
            problem(call(f.tutor(), control, UUID.randomUUID().toString()), 404);
            problem(call(f.tutor(), control, "not-a-uuid"), 400);
            problem(callAnonymously(control, thread), 401);
        }
        assertEquals(false, InboxListTest.list(f.tutor(), "").getList("items.pinned").get(0));
    }

    @Test
    void snoozeTimeMustBeInTheFutureAndWithinAYear() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        Instant now = Instant.now(clock);

        assertTrue(problem(snooze(f.tutor(), thread, now.minusSeconds(60).toString()), 400).contains("future"));
        Instant yearAhead = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        assertTrue(problem(snooze(f.tutor(), thread, yearAhead.plus(Duration.ofDays(1)).toString()), 400)
                .contains("a year"));
        problem(snooze(f.tutor(), thread, "tomorrow"), 400);
        problem(as(f.tutor()).body("{}").put("/api/tutor/threads/" + thread + "/snooze").then(), 400);
        problem(as(f.tutor()).body("").put("/api/tutor/threads/" + thread + "/snooze").then(), 400);
        assertEquals(List.of(thread), ids(f.tutor(), ""), "refused snoozes changed nothing");

        snooze(f.tutor(), thread, yearAhead.minus(Duration.ofHours(1)).toString()).statusCode(200);
        assertEquals(List.of(), ids(f.tutor(), ""));

        // Once the clock has moved, the earlier "now" is in the past.
        Instant soon = Instant.now(clock).plus(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(10));
        problem(snooze(f.tutor(), thread, soon.toString()), 400);
    }

    private static io.restassured.response.ValidatableResponse call(Person who, String control, String thread) {
        return send(as(who), control, thread);
    }

    private static io.restassured.response.ValidatableResponse callAnonymously(String control, String thread) {
        return send(anonymous(), control, thread);
    }

    private static io.restassured.response.ValidatableResponse send(
            io.restassured.specification.RequestSpecification request, String control, String thread) {
        String[] parts = control.split(" ");
        String path = "/api/tutor/threads/" + thread + "/" + parts[1];
        if (parts[1].equals("snooze") && parts[0].equals("PUT")) {
            request = request.body(Map.of("until", Instant.now().plus(Duration.ofDays(1)).toString()));
        }
        return parts[0].equals("PUT") ? request.put(path).then() : request.delete(path).then();
    }
}
