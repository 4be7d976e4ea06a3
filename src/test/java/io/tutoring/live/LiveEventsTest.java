package io.tutoring.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tutoring.live.SseClient.Event;
import io.tutoring.support.Api;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.sendOk;
import static io.tutoring.support.Api.unlink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/events with a real SSE client: what each side receives, Last-Event-ID replay, the listener's reconnect,
 * keep-alives, and one test per caller who must receive nothing of a thread.
 */
@QuarkusTest
class LiveEventsTest {

    private static final Duration GRACE = Duration.ofMillis(500);

    @TestHTTPResource("/api/events")
    URI events;

    @Inject
    LiveListener listener;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMessageReachesBothSidesAndTheRecipientsUnreadCount() {
        Family f = Family.create();
        try (SseClient parent = SseClient.open(events, f.parent()); SseClient tutor = SseClient.open(events, f.tutor())) {
            Map<String, Object> sent = send(f.parent(), f.tutor(), f.student(), "Hello");
            for (SseClient side : List.of(parent, tutor)) {
                Event message = side.next("message");
                assertEquals(sent.get("threadId"), field(message, "threadId"));
                assertEquals(sent.get("id"), field(message, "messageId"));
                assertNotNull(message.id());
            }
            Event unread = tutor.next("unread");
            assertEquals(sent.get("threadId"), field(unread, "threadId"));
            assertEquals(1, JsonPath.from(unread.data()).getInt("unreadCount"));
            send(f.parent(), f.tutor(), f.student(), "Are you there?");
            assertEquals(2, JsonPath.from(tutor.next("unread").data()).getInt("unreadCount"));
            // The sender's own count does not change: no unread event for the parent.
            assertTrue(parent.drain(GRACE).stream().noneMatch(e -> e.name().equals("unread")));
        }
    }

    @Test
    void openingAThreadSendsReadToBothAndAZeroCountToTheReader() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        try (SseClient parent = SseClient.open(events, f.parent()); SseClient tutor = SseClient.open(events, f.tutor())) {
            as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200);
            String readAt = as(f.parent()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                    .extract().path("items[0].readAt");
            for (SseClient side : List.of(parent, tutor)) {
                Event read = side.next("read");
                assertEquals(thread, field(read, "threadId"));
                assertEquals(java.time.Instant.parse(readAt), java.time.Instant.parse(field(read, "readAt")));
            }
            Event unread = tutor.next("unread");
            assertEquals(0, JsonPath.from(unread.data()).getInt("unreadCount"));
            // Ids only, never message text.
            assertTrue(tutor.drain(GRACE).stream().noneMatch(e -> e.data().contains("Hello")));
        }
    }

    @Test
    void linkEventsReachTheParentAndTheStudent() {
        Family f = Family.create();
        Person secondParent = newUser("Second parent", "PARENT");
        try (SseClient parent = SseClient.open(events, secondParent);
             SseClient student = SseClient.open(events, f.student())) {
            link(f.admin(), secondParent, f.student());
            for (SseClient side : List.of(parent, student)) {
                Event made = side.next("link");
                assertEquals(f.student().id().toString(), field(made, "studentId"));
                assertEquals(secondParent.id().toString(), field(made, "parentId"));
                assertTrue(JsonPath.from(made.data()).getBoolean("active"));
            }
            unlink(f.admin(), secondParent, f.student());
            for (SseClient side : List.of(parent, student)) {
                assertEquals(false, JsonPath.from(side.next("link").data()).getBoolean("active"));
            }
        }
    }

    @Test
    void lastEventIdReplaysWhatWasMissedInOrder() {
        Family f = Family.create();
        String lastSeen;
        try (SseClient parent = SseClient.open(events, f.parent())) {
            send(f.tutor(), f.tutor(), f.student(), "first");
            lastSeen = parent.next("message").id();
        }
        Object second = send(f.tutor(), f.tutor(), f.student(), "second").get("id");
        Object third = send(f.tutor(), f.tutor(), f.student(), "third").get("id");
        try (SseClient parent = SseClient.open(events, f.parent(), lastSeen)) {
            Event a = parent.next("message");
            Event b = parent.next("message");
            assertEquals(List.of(second, third), List.of(field(a, "messageId"), field(b, "messageId")));
            assertTrue(Long.parseLong(lastSeen) < a.number() && a.number() < b.number());
            // After the replay the stream goes on live, without repeating anything.
            Object fourth = send(f.tutor(), f.tutor(), f.student(), "fourth").get("id");
            Event c = parent.next("message");
            assertEquals(fourth, field(c, "messageId"));
            assertTrue(b.number() < c.number());
        }
    }

    @Test
    void eventsCommittedWhileTheListenerWasDisconnectedStillArrive() throws Exception {
        Family f = Family.create();
        try (SseClient tutor = SseClient.open(events, f.tutor())) {
            long connects = listener.connects();
            int pid = listener.backendPid();
            assertTrue(pid > 0, "the listener is connected");
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("select pg_terminate_backend(?) as done")) {
                ps.setInt(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next() && rs.getBoolean("done"));
                }
            }
            // Sent at once, most likely before the listener is back: its NOTIFY reaches nobody.
            Object id = send(f.parent(), f.tutor(), f.student(), "while deaf").get("id");
            Event message = tutor.next(e -> e.name().equals("message"), Duration.ofSeconds(10));
            assertEquals(id, field(message, "messageId"));
            assertTrue(listener.connects() > connects, "the listener reconnected");
            assertTrue(listener.backendPid() != pid);
        }
    }

    @Test
    void keepAliveCommentsKeepAnIdleStreamOpen() throws InterruptedException {
        Person someone = newUser("Idle", "PARENT");
        try (SseClient idle = SseClient.open(events, someone)) {
            Thread.sleep(2500); // the test profile's keep-alive is 1 s
            assertTrue(idle.keepAlives() >= 1, "keep-alives: " + idle.keepAlives());
        }
    }

    // --- who receives nothing ---

    @Test
    void anotherFamilyReceivesNothingOfAThread() {
        Family f = Family.create();
        Family other = io.tutoring.support.Classroom.join(f.admin(), f.tutor(), newUser("Other parent", "PARENT"));
        try (SseClient stranger = SseClient.open(events, other.parent());
             SseClient tutor = SseClient.open(events, f.tutor())) {
            send(f.parent(), f.tutor(), f.student(), "private");
            tutor.next("message");
            stranger.assertNoThreadEvents(GRACE);
        }
    }

    @Test
    void aParentWhoseLinkWasRemovedReceivesNothingMoreOfTheThread() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "before");
        unlink(f.admin(), f.parent(), f.student());
        try (SseClient parent = SseClient.open(events, f.parent()); SseClient tutor = SseClient.open(events, f.tutor())) {
            // The tutor opens the thread: the parent's message is stamped read; the tutor still hears of it.
            as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200);
            tutor.next("read");
            parent.assertNoThreadEvents(GRACE);
        }
        // Nor through a replay of everything since before the removal.
        try (SseClient parent = SseClient.open(events, f.parent(), "0")) {
            assertTrue(parent.drain(GRACE).stream().noneMatch(e -> e.data().contains(thread)),
                    "no event of the thread is replayed");
        }
    }

    @Test
    void theThreadsStudentReceivesNothingOfIt() {
        Family f = Family.create();
        try (SseClient student = SseClient.open(events, f.student()); SseClient tutor = SseClient.open(events, f.tutor())) {
            String thread = sendOk(f.parent(), f.tutor(), f.student(), "about you");
            tutor.next("message");
            as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200);
            tutor.next("read");
            student.assertNoThreadEvents(GRACE);
        }
    }

    @Test
    void anAdminReceivesNothingOfAThreadEvenAfterReadingIt() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "hello");
        as(f.admin()).get("/api/admin/threads/" + thread + "/messages").then().statusCode(200);
        try (SseClient admin = SseClient.open(events, f.admin()); SseClient tutor = SseClient.open(events, f.tutor())) {
            send(f.parent(), f.tutor(), f.student(), "again");
            tutor.next("message");
            admin.assertNoThreadEvents(GRACE);
        }
    }

    @Test
    void anonymousIsRefusedWith401ProblemJson() {
        HttpResponse<String> answer = SseClient.refused(SseClient.request(events));
        assertEquals(401, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
    }

    @Test
    void aLastEventIdThatIsNoIdIs400() {
        Person someone = newUser("Someone", "PARENT");
        HttpResponse<String> answer = SseClient.refused(SseClient.request(events)
                .header("Authorization", "Bearer " + someone.token()).header("Last-Event-ID", "yesterday"));
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("Last-Event-ID"), answer.body());
    }

    private static Map<String, Object> send(Person sender, Person tutor, Person student, String text) {
        return Api.send(sender, tutor, student, text).statusCode(201).extract().jsonPath().getMap("$");
    }

    private static String field(Event event, String name) {
        return JsonPath.from(event.data()).getString(name);
    }
}
