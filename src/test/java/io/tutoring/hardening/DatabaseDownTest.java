package io.tutoring.hardening;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.tutoring.support.Api;
import io.tutoring.support.Family;
import io.tutoring.support.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tutoring.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 3: while the database is unreachable, requests that need it get 503 problem+json with
 * {@code Retry-After} within a bounded time, readiness is DOWN, and the service recovers when the database is back.
 * The service reaches the real PostgreSQL through a TCP proxy that the test cuts (refusing connections) or stalls
 * (accepting connections that never answer).
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.ThroughProxy.class)
class DatabaseDownTest {

    static final TcpProxy PROXY = new TcpProxy("127.0.0.1", 5432);

    /** The datasource goes through {@link #PROXY}. */
    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxyResource.class));
        }
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            PROXY.up();
            String schema = System.getenv().getOrDefault("TEST_SCHEMA", "msg_test");
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + PROXY.port() + "/test?currentSchema=" + schema);
        }

        @Override
        public void stop() {
            PROXY.down();
        }
    }

    @AfterEach
    void databaseBack() {
        PROXY.up();
        recovered(() -> RestAssured.get("/q/health/ready").then().statusCode(200));
    }

    /**
     * Once the database is back the service recovers by itself: a client retrying as Retry-After says gets through
     * within seconds (a connection the outage broke fails the request that finds it, and leaves the pool).
     */
    private static void recovered(Runnable call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                call.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Test
    void refusedConnectionsAre503WithRetryAfterAndReadinessDown() {
        Family f = Family.create();
        RestAssured.get("/q/health/ready").then().statusCode(200);

        PROXY.down();
        expectUnavailable(() -> as(f.parent()).get("/api/parent/threads").then().extract());
        expectUnavailable(() -> as(f.parent()).body(Map.of("tutorId", f.tutor().id(), "studentId", f.student().id(),
                "message", "while the database is down")).post("/api/parent/messages").then().extract());
        expectUnavailable(() -> as(f.parent()).get("/api/me").then().extract());
        RestAssured.get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        // Liveness does not look at the database: an outage must not restart instances.
        RestAssured.get("/q/health/live").then().statusCode(200);

        PROXY.up();
        recovered(() -> Api.sendOk(f.parent(), f.tutor(), f.student(), "after the database came back"));
        RestAssured.get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aDatabaseThatStopsAnsweringIsA503WithinTheBound() {
        Family f = Family.create();
        PROXY.hang();
        expectUnavailable(() -> as(f.parent()).get("/api/parent/threads").then().extract());
        expectUnavailable(() -> as(f.tutor()).get("/api/parent/contacts").then().extract());
        PROXY.up();
        recovered(() -> Api.sendOk(f.parent(), f.tutor(), f.student(), "after the database answered again"));
    }

    private static void expectUnavailable(java.util.function.Supplier<io.restassured.response.ExtractableResponse<?>> call) {
        long start = System.nanoTime();
        var answer = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(503, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.asString());
        assertEquals("5", answer.header("Retry-After"), answer.asString());
        assertEquals(503, (int) answer.path("status"));
        // The bound: 3 s to get a connection (acquisition timeout) plus 10 s for a statement (socket timeout),
        // with slack for this loaded machine.
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "answered after " + took);
    }
}
