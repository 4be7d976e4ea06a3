package io.tutoring.papertrail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.unlink;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code requestAck} on send, and the explicit acknowledgement by the other side of the thread. */
@QuarkusTest
class AcknowledgementTest {

    /** A message and its thread. */
    record Sent(String threadId, String messageId) {
        String ackPath() {
            return "/api/parent/threads/" + threadId + "/messages/" + messageId + "/ack";
        }
    }

    static Sent send(Person sender, Family f, String text, Boolean requestAck) {
        Map<String, Object> body = new HashMap<>();
        body.put("tutorId", f.tutor().id());
        body.put("studentId", f.student().id());
        body.put("message", text);
        if (requestAck != null) {
            body.put("requestAck", requestAck);
        }
        var json = as(sender).body(body).post("/api/parent/messages").then().statusCode(201)
                .body("ackRequested", equalTo(Boolean.TRUE.equals(requestAck)))
                .body("ackedAt", nullValue())
                .extract().jsonPath();
        return new Sent(json.getString("threadId"), json.getString("id"));
    }

    static ValidatableResponse ack(Person who, Sent message) {
        return as(who).post(message.ackPath()).then();
    }

    @Test
    void theParentAcknowledgesATutorsMessageAndBothSidesSeeWhen() {
        Family f = Family.create();
        Sent sent = send(f.tutor(), f, "The trip is on Friday; please confirm", true);

        ack(f.parent(), sent).statusCode(200)
                .body("id", equalTo(sent.messageId()))
                .body("ackRequested", equalTo(true))
                .body("ackedAt", notNullValue());

        for (Person side : new Person[]{f.parent(), f.tutor()}) {
            as(side).get("/api/parent/threads/" + sent.threadId() + "/messages").then().statusCode(200)
                    .body("items[0].ackRequested", equalTo(true))
                    .body("items[0].ackedAt", notNullValue());
        }
    }

    @Test
    void theTutorAcknowledgesAParentsMessage() {
        Family f = Family.create();
        Sent sent = send(f.parent(), f, "Sam will miss Tuesday's lesson", true);
        ack(f.tutor(), sent).statusCode(200).body("ackedAt", notNullValue());
    }

    @Test
    void readingIsNotAcknowledging() {
        Family f = Family.create();
        Sent sent = send(f.tutor(), f, "Please acknowledge", true);
        as(f.parent()).get("/api/parent/threads/" + sent.threadId() + "/messages").then().statusCode(200);
        as(f.tutor()).get("/api/parent/threads/" + sent.threadId() + "/messages").then().statusCode(200)
                .body("items[0].readAt", notNullValue())
                .body("items[0].ackedAt", nullValue());
    }

    @Test
    void aSecondAcknowledgementIsAConflict() {
        Family f = Family.create();
        Sent sent = send(f.tutor(), f, "Please acknowledge", true);
        ack(f.parent(), sent).statusCode(200);
        String detail = problem(ack(f.parent(), sent), 409);
        assertTrue(detail.contains("already acknowledged"), detail);
    }

    @Test
    void nobodyAcknowledgesTheirOwnMessage() {
        Family f = Family.create();
        Sent sent = send(f.tutor(), f, "Please acknowledge", true);
        String detail = problem(ack(f.tutor(), sent), 403);
        assertTrue(detail.contains("your own message"), detail);
    }

    @Test
    void aMessageThatAsksForNothingCannotBeAcknowledged() {
        Family f = Family.create();
        Sent plain = send(f.tutor(), f, "Just so you know", null);
        Sent explicitNo = send(f.tutor(), f, "Just so you know", false);
        assertTrue(problem(ack(f.parent(), plain), 409).contains("did not ask"));
        assertTrue(problem(ack(f.parent(), explicitNo), 409).contains("did not ask"));
    }

    @Test
    void anotherFamilysMessageIsNotFound() {
        Family f = Family.create();
        Family other = Family.create();
        Sent sent = send(f.tutor(), f, "Please acknowledge", true);
        problem(ack(other.parent(), sent), 404);
        problem(ack(other.tutor(), sent), 404);
    }

    @Test
    void aMessageOfAnotherThreadIsNotFoundInThisOne() {
        Family f = Family.create();
        Sent mine = send(f.parent(), f, "Hello", null);
        Family other = Family.create();
        Sent theirs = send(other.tutor(), other, "Please acknowledge", true);
        problem(as(f.parent()).post("/api/parent/threads/" + mine.threadId() + "/messages/" + theirs.messageId()
                + "/ack").then(), 404);
    }

    @Test
    void aParentWhoseLinkWasRemovedCannotAcknowledge() {
        Family f = Family.create();
        Sent sent = send(f.tutor(), f, "Please acknowledge", true);
        unlink(f.admin(), f.parent(), f.student());
        problem(ack(f.parent(), sent), 403);
    }

    @Test
    void studentsAdminsAndAnonymousCannotAcknowledge() {
        Family f = Family.create();
        Sent sent = send(f.tutor(), f, "Please acknowledge", true);
        problem(ack(f.student(), sent), 403);
        problem(ack(f.admin(), sent), 403);
        anonymous().post(sent.ackPath()).then().statusCode(401);
        Person stranger = newUser("Stranger", "PARENT");
        problem(ack(stranger, sent), 404);
        problem(as(f.parent()).post("/api/parent/threads/not-a-uuid/messages/" + sent.messageId() + "/ack").then(),
                400);
    }
}
