package io.tutoring.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.common.Cursor;
import io.tutoring.support.Family;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.sendOk;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ReadReceiptsTest {

    @Test
    void openingAThreadStampsOnlyTheOtherSidesMessages() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "p1");
        sendOk(f.parent(), f.tutor(), f.student(), "p2");
        sendOk(f.tutor(), f.tutor(), f.student(), "t1");

        // Before anyone opens it: the tutor has 2 unread, the parent 1; own messages never count.
        unread(f.tutor(), 2);
        unread(f.parent(), 1);

        // The tutor opens the thread: the parent's two messages are stamped, the tutor's own is not.
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .body("items.message", contains("t1", "p2", "p1"))
                .body("items.findAll { it.role == 'PARENT' }.readAt", everyItem(notNullValue()))
                .body("items.find { it.role == 'TUTOR' }.readAt", nullValue());
        unread(f.tutor(), 0);
        unread(f.parent(), 1);

        // The parent sees that the tutor read both messages, and reading stamps the tutor's reply.
        as(f.parent()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .body("items.readAt", everyItem(notNullValue()));
        unread(f.parent(), 0);

        // A new message counts again, once.
        sendOk(f.parent(), f.tutor(), f.student(), "p3");
        unread(f.tutor(), 1);
        unread(f.parent(), 0);
    }

    @Test
    void readAtIsNotMovedByASecondOpening() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "hello");
        String first = as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .extract().path("items[0].readAt");
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .body("items[0].readAt", equalTo(first));
    }

    @Test
    void adminReadLeavesUnreadCountsAndReadAtAlone() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "p1");
        sendOk(f.tutor(), f.tutor(), f.student(), "t1");

        as(f.admin()).get("/api/admin/threads/" + thread + "/messages").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.readAt", everyItem(nullValue()));
        unread(f.tutor(), 1);
        unread(f.parent(), 1);
    }

    @Test
    void anOpeningWhosePageIsEmptyStillStampsTheNewMessages() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "old");
        sendOk(f.tutor(), f.tutor(), f.student(), "reply");
        // A cursor older than every message: the page is empty, and what is unread is stamped all the same.
        String beforeAll = new Cursor(false, Instant.parse("2000-01-01T00:00:00Z"), new UUID(0, 0)).encode();
        sendOk(f.parent(), f.tutor(), f.student(), "new");
        unread(f.tutor(), 2);
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages?before=" + beforeAll).then().statusCode(200)
                .body("items.size()", equalTo(0));
        unread(f.tutor(), 0);
        as(f.parent()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .body("items.findAll { it.role == 'PARENT' }.readAt", everyItem(notNullValue()));
    }

    private static void unread(io.tutoring.support.Person who, int expected) {
        as(who).get("/api/parent/threads").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].unreadCount", equalTo(expected));
    }
}
