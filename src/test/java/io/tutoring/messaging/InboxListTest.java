package io.tutoring.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tutoring.support.Classroom;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import io.tutoring.support.MovableClockTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.sendOk;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tutor's inbox and the parent's list: order, names, pins, snoozes and filters. */
@QuarkusTest
class InboxListTest extends MovableClockTest {

    @Test
    void pinnedFirstThenLatestActivityWithAllNames() {
        Classroom c = Classroom.of(4);
        String[] threads = c.parentsWrite().toArray(String[]::new);
        assertEquals(List.of(threads[3], threads[2], threads[1], threads[0]), ids(c.tutor(), ""));

        pin(c.tutor(), threads[1]).statusCode(200).body("pinned", equalTo(true));
        pin(c.tutor(), threads[0]).statusCode(200);
        assertEquals(List.of(threads[1], threads[0], threads[3], threads[2]), ids(c.tutor(), ""));

        // New activity moves a thread up within its group, never above the pinned ones.
        sendOk(c.family(2).parent(), c.tutor(), c.family(2).student(), "Me again");
        sendOk(c.tutor(), c.tutor(), c.family(0).student(), "Reply to the first");
        assertEquals(List.of(threads[0], threads[1], threads[2], threads[3]), ids(c.tutor(), ""));

        as(c.tutor()).delete("/api/tutor/threads/" + threads[0] + "/pin").then().statusCode(200)
                .body("pinned", equalTo(false));
        JsonPath list = list(c.tutor(), "");
        assertEquals(List.of(threads[1], threads[0], threads[2], threads[3]), list.getList("items.threadId"));
        for (int i = 0; i < 4; i++) {
            Family f = c.family(i);
            Map<String, Object> row = row(list, threads[i]);
            assertEquals(f.parent().name(), path(row, "parent", "name"));
            assertEquals(f.parent().id().toString(), path(row, "parent", "id"));
            assertEquals(f.student().name(), path(row, "student", "name"));
            assertEquals(f.student().id().toString(), path(row, "student", "id"));
            assertEquals(c.tutor().name(), path(row, "tutor", "name"));
        }
        assertEquals(true, row(list, threads[1]).get("pinned"));
        assertEquals(false, row(list, threads[3]).get("pinned"));
    }

    @Test
    void snoozedThreadIsHiddenUntilItsTimePasses() {
        Classroom c = Classroom.of(2);
        String quiet = sendOk(c.family(0).parent(), c.tutor(), c.family(0).student(), "No rush");
        String other = sendOk(c.family(1).parent(), c.tutor(), c.family(1).student(), "Hi");
        Instant until = Instant.now(clock).plus(Duration.ofHours(2));

        snooze(c.tutor(), quiet, until.toString()).statusCode(200)
                .body("snoozedUntil", equalTo(until.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString()));
        assertEquals(List.of(other), ids(c.tutor(), ""));
        JsonPath snoozed = list(c.tutor(), "snoozed=true");
        assertEquals(List.of(quiet), snoozed.getList("items.threadId"));
        assertEquals(until, Instant.parse(snoozed.getString("items[0].snoozedUntil")));

        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(other), ids(c.tutor(), ""));

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        JsonPath awake = list(c.tutor(), "");
        assertEquals(List.of(other, quiet), awake.getList("items.threadId"));
        assertNull(row(awake, quiet).get("snoozedUntil"), "an expired snooze is not shown");
        assertEquals(List.of(), ids(c.tutor(), "snoozed=true"));
    }

    @Test
    void parentWritingAgainWakesTheThreadWithItsUnreadCount() {
        Classroom c = Classroom.of(2);
        Family f = c.family(0);
        String thread = sendOk(f.parent(), c.tutor(), f.student(), "Question");
        as(c.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200);
        String other = sendOk(c.family(1).parent(), c.tutor(), c.family(1).student(), "Other family");
        snooze(c.tutor(), thread, Instant.now(clock).plus(Duration.ofDays(7)).toString()).statusCode(200);

        // The tutor's own message does not end the snooze.
        sendOk(c.tutor(), c.tutor(), f.student(), "Will get back to you next week");
        assertEquals(List.of(other), ids(c.tutor(), ""));

        sendOk(f.parent(), c.tutor(), f.student(), "Actually it is urgent");
        sendOk(f.parent(), c.tutor(), f.student(), "Please call me");
        JsonPath list = list(c.tutor(), "");
        assertEquals(List.of(thread, other), list.getList("items.threadId"));
        Map<String, Object> row = row(list, thread);
        assertEquals(2, row.get("unreadCount"));
        assertNull(row.get("snoozedUntil"));
        assertEquals("Please call me", path(row, "lastMessage", "message"));
        assertEquals(List.of(), ids(c.tutor(), "snoozed=true"));
    }

    @Test
    void wakingBringsTheThreadBackAtOnce() {
        Classroom c = Classroom.of(1);
        String thread = sendOk(c.family(0).parent(), c.tutor(), c.family(0).student(), "Hi");
        snooze(c.tutor(), thread, Instant.now(clock).plus(Duration.ofDays(1)).toString()).statusCode(200);
        assertEquals(List.of(), ids(c.tutor(), ""));
        as(c.tutor()).delete("/api/tutor/threads/" + thread + "/snooze").then().statusCode(200)
                .body("snoozedUntil", equalTo(null));
        assertEquals(List.of(thread), ids(c.tutor(), ""));
    }

    @Test
    void tutorFiltersByUnreadStudentAndPin() {
        Classroom c = Classroom.of(3);
        Family second = Classroom.join(c.admin(), c.tutor(), c.family(0).parent());
        String a = sendOk(c.family(0).parent(), c.tutor(), c.family(0).student(), "a");
        String aSibling = sendOk(second.parent(), c.tutor(), second.student(), "about the sibling");
        String b = sendOk(c.family(1).parent(), c.tutor(), c.family(1).student(), "b");
        String d = sendOk(c.tutor(), c.tutor(), c.family(2).student(), "tutor starts this one");
        as(c.tutor()).get("/api/parent/threads/" + b + "/messages").then().statusCode(200);
        pin(c.tutor(), aSibling).statusCode(200);

        assertEquals(List.of(aSibling, a), ids(c.tutor(), "unread=true"));
        assertEquals(List.of(aSibling), ids(c.tutor(), "pinned=true"));
        assertEquals(List.of(d, b, a), ids(c.tutor(), "pinned=false"));
        assertEquals(List.of(a), ids(c.tutor(), "studentId=" + c.family(0).student().id()));
        assertEquals(List.of(aSibling), ids(c.tutor(), "studentId=" + second.student().id() + "&unread=true"));
        assertEquals(List.of(), ids(c.tutor(), "studentId=" + c.family(1).student().id() + "&unread=true"));
        assertEquals(List.of(aSibling, d, b, a), ids(c.tutor(), "unread=false"));

        problem(as(c.tutor()).get("/api/parent/threads?unread=yes").then(), 400);
        problem(as(c.tutor()).get("/api/parent/threads?pinned=1").then(), 400);
        problem(as(c.tutor()).get("/api/parent/threads?studentId=not-a-uuid").then(), 400);
    }

    @Test
    void parentSeesUnreadCountsByStudentAndNeverTheTutorsState() {
        Classroom c = Classroom.of(1);
        Family f = c.family(0);
        Family sibling = Classroom.join(c.admin(), c.tutor(), f.parent());
        Person otherTutor = newUser("Other tutor", "TUTOR");
        io.tutoring.support.Api.enroll(c.admin(), f.student(), otherTutor);
        String first = sendOk(f.parent(), c.tutor(), f.student(), "first child");
        String second = sendOk(f.parent(), c.tutor(), sibling.student(), "second child");
        String third = sendOk(f.parent(), otherTutor, f.student(), "first child, other tutor");
        sendOk(c.tutor(), c.tutor(), f.student(), "reply 1");
        sendOk(c.tutor(), c.tutor(), f.student(), "reply 2");
        pin(c.tutor(), second).statusCode(200);
        snooze(c.tutor(), third, Instant.now(clock).plus(Duration.ofDays(1)).toString()).statusCode(404);
        snooze(c.tutor(), first, Instant.now(clock).plus(Duration.ofDays(1)).toString()).statusCode(200);

        JsonPath list = list(f.parent(), "");
        assertEquals(List.of(first, third, second), list.getList("items.threadId"));
        for (Map<String, Object> row : list.<Map<String, Object>>getList("items")) {
            assertFalse(row.containsKey("pinned"), "a parent never sees the tutor's pin");
            assertFalse(row.containsKey("snoozedUntil"), "a parent never sees the tutor's snooze");
        }
        assertEquals(2, row(list, first).get("unreadCount"));
        assertEquals(0, row(list, second).get("unreadCount"));
        assertEquals(c.tutor().name(), path(row(list, first), "tutor", "name"));

        assertEquals(List.of(first, third), ids(f.parent(), "studentId=" + f.student().id()));
        assertEquals(List.of(second), ids(f.parent(), "studentId=" + sibling.student().id()));
        assertEquals(List.of(first), ids(f.parent(), "unread=true"));
        problem(as(f.parent()).get("/api/parent/threads?pinned=true").then(), 400);
        problem(as(f.parent()).get("/api/parent/threads?snoozed=true").then(), 400);
    }

    static io.restassured.response.ValidatableResponse pin(Person tutor, String thread) {
        return as(tutor).put("/api/tutor/threads/" + thread + "/pin").then();
    }

    static io.restassured.response.ValidatableResponse snooze(Person tutor, String thread, String until) {
        return as(tutor).body(Map.of("until", until)).put("/api/tutor/threads/" + thread + "/snooze").then();
    }

    static JsonPath list(Person who, String query) {
        return as(who).get("/api/parent/threads?limit=100&" + query).then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(Person who, String query) {
        return list(who, query).getList("items.threadId");
    }

    private static Map<String, Object> row(JsonPath list, String threadId) {
        List<Map<String, Object>> items = list.getList("items");
        return items.stream().filter(r -> threadId.equals(r.get("threadId"))).findFirst()
                .orElseThrow(() -> new AssertionError("thread " + threadId + " is not in the list"));
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> row, String object, String field) {
        Object value = row.get(object);
        assertTrue(value instanceof Map, object + " is missing in " + row);
        return ((Map<String, Object>) value).get(field);
    }
}
