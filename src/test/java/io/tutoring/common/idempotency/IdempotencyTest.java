package io.tutoring.common.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tutoring.common.Sql;
import io.tutoring.support.Family;
import io.tutoring.support.Mailbox;
import io.tutoring.support.Person;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC "Retries": the Idempotency-Key of the four POSTs that create something. A repeat with the same key and caller
 * gets the first answer and nothing else happens; another body is a 422; concurrent repeats have one effect; the
 * key is 1–255 visible ASCII characters; expired keys are purged by one instance at a time.
 */
@QuarkusTest
class IdempotencyTest {

    @Inject
    Sql sql;

    @Inject
    IdempotencyPurge purge;

    private static Map<String, Object> message(Family f, String text) {
        return Map.of("tutorId", f.tutor().id(), "studentId", f.student().id(), "message", text);
    }

    private static ExtractableResponse<Response> post(Person who, String key, String path, Object body) {
        var request = as(who).body(body);
        if (key != null) {
            request = request.header(Idempotency.HEADER, key);
        }
        return request.post(path).then().extract();
    }

    private int messagesIn(String threadId, Person reader) {
        return as(reader).get("/api/parent/threads/" + threadId + "/messages?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void aRepeatedSendGetsTheFirstAnswerAndStoresNothingMore() {
        Family f = Family.create();
        String key = newKey();
        var first = post(f.parent(), key, "/api/parent/messages", message(f, "Hello once"));
        assertEquals(201, first.statusCode(), first.asString());
        assertNull(first.header(Idempotency.REPLAYED));

        var repeat = post(f.parent(), key, "/api/parent/messages", message(f, "Hello once"));
        assertEquals(201, repeat.statusCode());
        assertEquals("true", repeat.header(Idempotency.REPLAYED));
        assertEquals(first.asString(), repeat.asString(), "the same body, byte for byte");
        assertTrue(repeat.contentType().startsWith("application/json"), repeat.contentType());
        assertEquals(1, messagesIn(first.path("threadId"), f.tutor()));

        // Without a key, or with a new one, a send is a new message.
        assertEquals(201, post(f.parent(), null, "/api/parent/messages", message(f, "Hello once")).statusCode());
        assertEquals(201, post(f.parent(), newKey(), "/api/parent/messages", message(f, "Hello once")).statusCode());
        assertEquals(3, messagesIn(first.path("threadId"), f.tutor()));
    }

    @Test
    void theSameKeyWithAnotherBodyOrEndpointIs422() {
        Family f = Family.create();
        String key = newKey();
        assertEquals(201, post(f.parent(), key, "/api/parent/messages", message(f, "First")).statusCode());

        String detail = problem(as(f.parent()).header(Idempotency.HEADER, key).body(message(f, "Second"))
                .post("/api/parent/messages").then(), 422);
        assertTrue(detail.contains("Idempotency-Key"), detail);
        problem(as(f.parent()).header(Idempotency.HEADER, key).body(Map.of("fileName", "a.pdf",
                "contentType", "application/pdf", "size", 10)).post("/api/attachments").then(), 422);
        assertEquals(1, messagesIn(post(f.parent(), key, "/api/parent/messages", message(f, "First"))
                .path("threadId"), f.tutor()));
    }

    @Test
    void keysBelongToTheirCaller() {
        Family f = Family.create();
        Person otherParent = newUser("Other parent", "PARENT");
        link(f.admin(), otherParent, f.student());
        String key = newKey();
        var mine = post(f.parent(), key, "/api/parent/messages", message(f, "Same words"));
        var theirs = post(otherParent, key, "/api/parent/messages", message(f, "Same words"));
        assertEquals(201, theirs.statusCode(), theirs.asString());
        assertNull(theirs.header(Idempotency.REPLAYED));
        assertNotEquals(mine.<String>path("id"), theirs.<String>path("id"));
    }

    @Test
    void malformedKeysAre400AndDoNothing() {
        Family f = Family.create();
        for (String key : List.of("", "two words", "x".repeat(256), "clé", "tab\there")) {
            var answer = as(f.parent()).header(Idempotency.HEADER, key).body(message(f, "Never stored"))
                    .post("/api/parent/messages").then();
            String detail = problem(answer, 400);
            assertTrue(detail.contains("Idempotency-Key"), key + ": " + detail);
            answer.body("errors[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
        }
        problem(as(f.parent()).header(Idempotency.HEADER, "one").header(Idempotency.HEADER, "two")
                .body(message(f, "Never stored")).post("/api/parent/messages").then(), 400);
        assertEquals(0, (int) sql.query("select count(*) as n from message m join thread t on t.id = m.thread_id"
                + " where t.parent_id = :p").bind("p", f.parent().id()).one(rs -> rs.getInt("n")));
        // The longest and the shortest allowed keys.
        assertEquals(201, post(f.parent(), "~".repeat(255), "/api/parent/messages", message(f, "a")).statusCode());
        assertEquals(201, post(f.parent(), "!", "/api/parent/messages", message(f, "b")).statusCode());
    }

    @Test
    void aFailedRequestLeavesTheKeyFreeForTheRetry() {
        Family f = Family.create();
        Person newParent = newUser("New parent", "PARENT");
        String key = newKey();
        problem(as(newParent).header(Idempotency.HEADER, key).body(message(f, "Hi")).post("/api/parent/messages")
                .then(), 403);
        link(f.admin(), newParent, f.student());
        var retry = post(newParent, key, "/api/parent/messages", message(f, "Hi"));
        assertEquals(201, retry.statusCode(), retry.asString());
        assertNull(retry.header(Idempotency.REPLAYED));
    }

    @Test
    void uploadsAndBothKindsOfInviteAreRepeatedToo() throws Exception {
        Person parent = newUser("Parent", "PARENT");
        Map<String, Object> upload = Map.of("fileName", "w.pdf", "contentType", "application/pdf", "size", 1234);
        String key = newKey();
        var ticket = post(parent, key, "/api/attachments", upload);
        assertEquals(201, ticket.statusCode(), ticket.asString());
        var again = post(parent, key, "/api/attachments", upload);
        assertEquals(201, again.statusCode());
        assertEquals(ticket.asString(), again.asString());
        assertEquals(ticket.header("Location"), again.header("Location"));
        assertEquals(1, count("select count(*) as n from attachment where owner_id = :u", parent.id()));

        String studentEmail = "s." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var invite = post(parent, key, "/api/parent/invites", Map.of("studentEmail", studentEmail));
        assertEquals(422, invite.statusCode(), "the key is already the upload's");
        String inviteKey = newKey();
        invite = post(parent, inviteKey, "/api/parent/invites", Map.of("studentEmail", studentEmail));
        assertEquals(202, invite.statusCode(), invite.asString());
        assertEquals(invite.asString(), post(parent, inviteKey, "/api/parent/invites",
                Map.of("studentEmail", studentEmail)).asString());
        assertEquals(1, count("select count(*) as n from student_invite where parent_id = :u", parent.id()));

        Person student = newUser("Student", "STUDENT");
        String parentEmail = "p." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var parentInvite = post(student, inviteKey, "/api/student/parent-invites", Map.of("parentEmail", parentEmail));
        assertEquals(202, parentInvite.statusCode(), "keys are per caller: " + parentInvite.asString());
        var repeat = post(student, inviteKey, "/api/student/parent-invites", Map.of("parentEmail", parentEmail));
        assertEquals(parentInvite.asString(), repeat.asString());
        assertEquals("true", repeat.header(Idempotency.REPLAYED));
        Mailbox.await(parentEmail, 1);
        Thread.sleep(500);
        assertEquals(1, Mailbox.to(parentEmail).size(), "one mail, not one per request");
    }

    /** Eight requests with one key, released together: one message, and every answer is it or "still running". */
    @Test
    void concurrentRequestsWithOneKeyHaveOneEffect() throws Exception {
        Family f = Family.create();
        String key = newKey();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    var request = as(f.parent()).header(Idempotency.HEADER, key).body(message(f, "Once, please"));
                    ready.countDown();
                    go.await();
                    return request.post("/api/parent/messages").then().extract();
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            Set<String> ids = new HashSet<>();
            Map<Integer, Integer> statuses = new HashMap<>();
            String threadId = null;
            for (var future : answers) {
                var answer = future.get(60, TimeUnit.SECONDS);
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() == 201) {
                    ids.add(answer.path("id"));
                    threadId = answer.path("threadId");
                } else {
                    assertEquals(409, answer.statusCode(), answer.asString());
                    assertTrue(answer.<String>path("detail").contains("still being processed"));
                }
            }
            assertEquals(1, ids.size(), "every 201 is the same message: " + statuses);
            assertEquals(1, messagesIn(threadId, f.tutor()), statuses.toString());
            // Once the first has finished, a repeat gets its answer.
            assertEquals(ids.iterator().next(), post(f.parent(), key, "/api/parent/messages",
                    message(f, "Once, please")).path("id"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredKeysAreDeletedByOneInstanceAtATime() throws Exception {
        Person parent = newUser("Parent", "PARENT");
        Map<String, Object> upload = Map.of("fileName", "w.pdf", "contentType", "application/pdf", "size", 99);
        String expired = newKey();
        String fresh = newKey();
        assertEquals(201, post(parent, expired, "/api/attachments", upload).statusCode());
        assertEquals(201, post(parent, fresh, "/api/attachments", upload).statusCode());
        sql.query("update idempotency_key set expires_at = now() - interval '1 second'"
                + " where caller_id = :u and idem_key = :k").bind("u", parent.id()).bind("k", expired).update();

        Instant now = Instant.now();
        due();
        assertTrue(purge.run(now) >= 1);
        assertEquals(List.of(fresh), keysOf(parent));
        assertEquals(-1, purge.run(now), "not due again before purge-every has passed");

        // While another instance holds the job (its row locked), this one skips it.
        due();
        try (Connection other = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
            other.setAutoCommit(false);
            other.createStatement().execute("select * from scheduled_job where name = 'idempotency-purge' for update");
            assertEquals(-1, purge.run(now));
            other.rollback();
        }
        assertTrue(purge.run(now) >= 0, "due again once the other instance let go");

        // An expired key is free again: the same key now starts a new request.
        var renewed = post(parent, expired, "/api/attachments", upload);
        assertEquals(201, renewed.statusCode());
        assertNull(renewed.header(Idempotency.REPLAYED));
    }

    private void due() {
        sql.query("update scheduled_job set next_run_at = '-infinity' where name = 'idempotency-purge'").update();
    }

    private List<String> keysOf(Person who) {
        return sql.query("select idem_key from idempotency_key where caller_id = :u").bind("u", who.id())
                .list(rs -> rs.getString("idem_key"));
    }

    private int count(String query, UUID user) {
        return sql.query(query).bind("u", user).one(rs -> rs.getInt("n"));
    }

    private static String jdbcUrl() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
    }
}
