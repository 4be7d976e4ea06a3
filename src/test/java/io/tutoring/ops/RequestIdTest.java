package io.tutoring.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.tutoring.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every response carries a request id, the caller's when well-formed, and every line logged for it too. */
@QuarkusTest
class RequestIdTest {

    private static final String HEADER = "X-Request-Id";

    @Test
    void aRequestWithoutAnIdGetsANewOne() {
        String first = RestAssured.get("/q/health/live").then().statusCode(200).extract().header(HEADER);
        String second = RestAssured.get("/api/me").then().statusCode(401).extract().header(HEADER);
        UUID.fromString(first);
        UUID.fromString(second);
        assertNotEquals(first, second);
    }

    @Test
    void aWellFormedIncomingIdIsKeptAndEchoed() {
        for (String id : new String[] {"lb-7f3a9c.42", "b2c1d0e4-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "Root=1-67891233-abc",
                "x".repeat(128)}) {
            RestAssured.given().header(HEADER, id).get("/q/health/live").then().statusCode(200).header(HEADER, id);
        }
    }

    @Test
    void aMalformedIncomingIdIsReplaced() {
        for (String id : new String[] {"two words", "<script>", "x".repeat(129), "-leading-dash", "a\tb", "ünïcode"}) {
            String echoed = RestAssured.given().header(HEADER, id).get("/q/health/live").then().statusCode(200)
                    .extract().header(HEADER);
            assertNotEquals(id, echoed);
            UUID.fromString(echoed);
        }
    }

    @Test
    void linesLoggedWhileHandlingARequestCarryItsId() {
        Person student = Person.of("Sam", "STUDENT");
        String requestId = "invite-" + UUID.randomUUID();
        try (LogRecords logs = LogRecords.start()) {
            as(student).header(HEADER, requestId)
                    .body(Map.of("parentEmail", "parent-" + UUID.randomUUID() + "@example.org"))
                    .post("/api/student/parent-invites").then().statusCode(202).header(HEADER, requestId);
            // The invite mail is sent and logged on a worker thread after a reactive mailer call; the line carries
            // the id of this request, not none and not one left behind by an earlier request on that thread.
            var mailed = logs.lines().stream()
                    .filter(l -> l.message() != null && l.message().startsWith("Emailed invite")).toList();
            assertEquals(1, mailed.size(), () -> "lines: " + logs.lines());
            assertEquals(requestId, mailed.get(0).requestId());
        }
    }
}
