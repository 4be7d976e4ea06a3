package io.tutoring.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tutoring.support.Classroom;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tutoring.messaging.InboxListTest.ids;
import static io.tutoring.messaging.InboxListTest.pin;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.sendOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Keyset paging while messages arrive: a series of pages keeps the order of its first page's snapshot, so no thread
 * is shown twice and none that was in the list is skipped, however threads move meanwhile.
 */
@QuarkusTest
class InboxPagingTest {

    @Test
    void tutorPagesKeepTheSnapshotOrderWhileParentsWrite() {
        Classroom c = Classroom.of(8);
        List<String> threads = c.parentsWrite();
        pin(c.tutor(), threads.get(2)).statusCode(200);
        pin(c.tutor(), threads.get(5)).statusCode(200);
        List<String> snapshot = ids(c.tutor(), "");
        assertEquals(List.of(threads.get(5), threads.get(2), threads.get(7), threads.get(6), threads.get(4),
                threads.get(3), threads.get(1), threads.get(0)), snapshot);

        JsonPath first = page(c.tutor(), null);
        List<String> seen = new ArrayList<>(first.getList("items.threadId"));
        assertEquals(snapshot.subList(0, 3), seen);

        // Meanwhile: a shown thread and two not yet shown get messages (moving them to the top), a pinned one too,
        // and a new family starts a thread.
        Family f = c.family(7);
        sendOk(f.parent(), c.tutor(), f.student(), "shown already, now newest");
        sendOk(c.family(0).parent(), c.tutor(), c.family(0).student(), "last in the snapshot");
        sendOk(c.tutor(), c.tutor(), c.family(3).student(), "tutor writes to a later one");
        sendOk(c.family(5).parent(), c.tutor(), c.family(5).student(), "pinned and shown");
        Family newcomer = Classroom.join(c.admin(), c.tutor(), newUser("New parent", "PARENT"));
        String fresh = sendOk(newcomer.parent(), c.tutor(), newcomer.student(), "brand new thread");

        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath next = page(c.tutor(), cursor);
            seen.addAll(next.getList("items.threadId"));
            cursor = next.getString("nextCursor");
        }
        assertEquals(snapshot, seen, "every thread of the snapshot once, in the snapshot's order");

        // A new first page shows the new state.
        assertEquals(List.of(threads.get(5), threads.get(2), fresh, threads.get(3), threads.get(0), threads.get(7),
                threads.get(6), threads.get(4), threads.get(1)), ids(c.tutor(), ""));
    }

    @Test
    void pagesAcrossThePinnedBoundaryAndWithFilters() {
        Classroom c = Classroom.of(6);
        List<String> threads = c.parentsWrite();
        pin(c.tutor(), threads.get(0)).statusCode(200);
        pin(c.tutor(), threads.get(1)).statusCode(200);
        pin(c.tutor(), threads.get(4)).statusCode(200);
        as(c.tutor()).get("/api/parent/threads/" + threads.get(3) + "/messages").then().statusCode(200);

        List<String> all = ids(c.tutor(), "");
        for (int limit = 1; limit <= 6; limit++) {
            assertEquals(all, walk(c.tutor(), "limit=" + limit), "limit " + limit);
        }
        List<String> unread = ids(c.tutor(), "unread=true");
        assertEquals(5, unread.size());
        assertEquals(unread, walk(c.tutor(), "limit=2&unread=true"));
    }

    @Test
    void parentPagesKeepTheSnapshotOrderToo() {
        Person admin = io.tutoring.support.Api.admin();
        Person parent = newUser("Parent", "PARENT");
        List<Family> families = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Family f = Classroom.join(admin, newUser("Tutor " + i, "TUTOR"), parent);
            families.add(f);
            threads.add(sendOk(parent, f.tutor(), f.student(), "Hello " + i));
        }
        List<String> snapshot = ids(parent, "");
        assertEquals(List.of(threads.get(4), threads.get(3), threads.get(2), threads.get(1), threads.get(0)),
                snapshot);

        JsonPath first = pageAs(parent, "limit=2", null);
        List<String> seen = new ArrayList<>(first.getList("items.threadId"));
        sendOk(families.get(4).tutor(), families.get(4).tutor(), families.get(4).student(), "shown, replied");
        sendOk(families.get(1).tutor(), families.get(1).tutor(), families.get(1).student(), "not shown, replied");
        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath next = pageAs(parent, "limit=2", cursor);
            seen.addAll(next.getList("items.threadId"));
            cursor = next.getString("nextCursor");
        }
        assertEquals(snapshot, seen);
        assertEquals(List.of(threads.get(1), threads.get(4), threads.get(3), threads.get(2), threads.get(0)),
                ids(parent, ""));
    }

    @Test
    void lastPageHasNoCursorAndForeignCursorsAre400() {
        Classroom c = Classroom.of(2);
        sendOk(c.family(0).parent(), c.tutor(), c.family(0).student(), "one");
        sendOk(c.family(1).parent(), c.tutor(), c.family(1).student(), "two");
        JsonPath first = pageAs(c.tutor(), "limit=1", null);
        assertNotNull(first.getString("nextCursor"));
        JsonPath last = pageAs(c.tutor(), "limit=1", first.getString("nextCursor"));
        assertNull(last.getString("nextCursor"));
        assertEquals(1, last.getList("items").size());

        // A cursor of another kind of list (no snapshot) and a made-up one.
        String plain = new io.tutoring.common.Cursor(false, java.time.Instant.now(), java.util.UUID.randomUUID())
                .encode();
        problem(as(c.tutor()).get("/api/parent/threads?cursor=" + plain).then(), 400);
        problem(as(c.tutor()).get("/api/parent/threads?cursor=garbage").then(), 400);
    }

    private static List<String> walk(Person who, String query) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = pageAs(who, query, cursor);
            seen.addAll(page.getList("items.threadId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }

    private static JsonPath page(Person who, String cursor) {
        return pageAs(who, "limit=3", cursor);
    }

    private static JsonPath pageAs(Person who, String query, String cursor) {
        var request = as(who);
        if (cursor != null) {
            request = request.queryParam("cursor", cursor);
        }
        return request.get("/api/parent/threads?" + query).then().statusCode(200).extract().jsonPath();
    }
}
