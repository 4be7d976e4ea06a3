package io.tutoring.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.tutoring.support.Api.admin;
import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.enroll;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.send;
import static io.tutoring.support.Api.sendOk;
import static io.tutoring.support.Api.unlink;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SendMessageTest {

    @Test
    void linkedParentWritesToTheStudentsTutor() {
        Family f = Family.create();
        send(f.parent(), f.tutor(), f.student(), "  Hello, how is Sam doing?  ").statusCode(201)
                .body("role", equalTo("PARENT"))
                .body("parentId", equalTo(f.parent().id().toString()))
                .body("tutorId", equalTo(f.tutor().id().toString()))
                .body("studentId", equalTo(f.student().id().toString()))
                .body("message", equalTo("Hello, how is Sam doing?"))
                .body("id", notNullValue())
                .body("threadId", notNullValue())
                .body("createdAt", notNullValue())
                .body("readAt", nullValue());
    }

    @Test
    void oneThreadPerParentTutorStudent() {
        Family f = Family.create();
        String first = sendOk(f.parent(), f.tutor(), f.student(), "one");
        String second = sendOk(f.parent(), f.tutor(), f.student(), "two");
        String reply = sendOk(f.tutor(), f.tutor(), f.student(), "three");
        assertEquals(first, second);
        assertEquals(first, reply);

        Person sibling = newUser("Sibling", "STUDENT");
        enroll(f.admin(), sibling, f.tutor());
        link(f.admin(), f.parent(), sibling);
        String siblingThread = sendOk(f.parent(), f.tutor(), sibling, "about the other child");
        assertTrue(!siblingThread.equals(first), "a second child with the same tutor gets its own thread");
    }

    @Test
    void tutorWithOneLinkedParentWritesWithoutNamingThem() {
        Family f = Family.create();
        send(f.tutor(), f.tutor(), f.student(), "Homework is due Friday").statusCode(201)
                .body("role", equalTo("TUTOR"))
                .body("parentId", equalTo(f.parent().id().toString()));
    }

    @Test
    void tutorWithNoLinkedParentIsToldSo() {
        Person admin = admin();
        Person student = newUser("Student", "STUDENT");
        Person tutor = newUser("Tutor", "TUTOR");
        enroll(admin, student, tutor);
        String detail = problem(send(tutor, tutor, student, "Anyone there?"), 409);
        assertTrue(detail.contains("No parent is linked"), detail);
    }

    @Test
    void tutorWithTwoLinkedParentsMustChooseOne() {
        Family f = Family.create();
        Person second = newUser("Second parent", "PARENT");
        link(f.admin(), second, f.student());

        String detail = problem(send(f.tutor(), f.tutor(), f.student(), "Hi"), 400);
        assertTrue(detail.contains("parentId"), detail);

        as(f.tutor()).body(body(f.tutor(), f.student(), "Hi second", second.id().toString()))
                .post("/api/parent/messages").then().statusCode(201)
                .body("parentId", equalTo(second.id().toString()));

        Person stranger = newUser("Stranger", "PARENT");
        problem(as(f.tutor()).body(body(f.tutor(), f.student(), "Hi?", stranger.id().toString()))
                .post("/api/parent/messages").then(), 422);
    }

    @Test
    void unlinkedParentIsRefused() {
        Family f = Family.create();
        Person other = newUser("Other parent", "PARENT");
        String detail = problem(send(other, f.tutor(), f.student(), "Let me in"), 403);
        assertTrue(detail.contains("not linked"), detail);
    }

    @Test
    void parentCannotWriteToATutorWhoDoesNotTeachTheStudent() {
        Family f = Family.create();
        Person otherTutor = newUser("Other tutor", "TUTOR");
        String detail = problem(send(f.parent(), otherTutor, f.student(), "Hello"), 403);
        assertTrue(detail.contains("does not teach"), detail);
    }

    @Test
    void tutorWhoDoesNotTeachTheStudentIsRefused() {
        Family f = Family.create();
        Person otherTutor = newUser("Other tutor", "TUTOR");
        String detail = problem(send(otherTutor, otherTutor, f.student(), "Hello"), 403);
        assertTrue(detail.contains("do not teach"), detail);
    }

    @Test
    void parentCannotPretendToBeAnotherParent() {
        Family f = Family.create();
        Person second = newUser("Second parent", "PARENT");
        link(f.admin(), second, f.student());
        problem(as(f.parent()).body(body(f.tutor(), f.student(), "Hi", second.id().toString()))
                .post("/api/parent/messages").then(), 403);
    }

    @Test
    void studentsAndAdminsCannotSend() {
        Family f = Family.create();
        problem(send(f.student(), f.tutor(), f.student(), "Hi"), 403);
        problem(send(f.admin(), f.tutor(), f.student(), "Hi"), 403);
    }

    @Test
    void userWithTheParentsIdButWithoutTheRoleIsRefused() {
        Family f = Family.create();
        // The tutor naming a different tutor acts as a parent, and holds no PARENT role.
        Person otherTutor = newUser("Other tutor", "TUTOR");
        enroll(f.admin(), f.student(), otherTutor);
        String detail = problem(send(f.tutor(), otherTutor, f.student(), "Hi colleague"), 403);
        assertTrue(detail.contains("parent"), detail);
    }

    @Test
    void anonymousAndBadTokensGet401() {
        Family f = Family.create();
        problem(anonymous().body(body(f.tutor(), f.student(), "hi", null)).post("/api/parent/messages").then(), 401);
        problem(io.restassured.RestAssured.given().auth().oauth2("not-a-jwt").contentType("application/json")
                .body(body(f.tutor(), f.student(), "hi", null)).post("/api/parent/messages").then(), 401);
        problem(io.restassured.RestAssured.given().auth().oauth2(io.tutoring.support.Tokens.expired(f.parent()))
                .contentType("application/json").body(body(f.tutor(), f.student(), "hi", null))
                .post("/api/parent/messages").then(), 401);
    }

    @Test
    void linkRemovedMidConversationEndsTheParentsAccessAtOnce() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Before");
        sendOk(f.tutor(), f.tutor(), f.student(), "Reply");
        unlink(f.admin(), f.parent(), f.student());

        problem(send(f.parent(), f.tutor(), f.student(), "After"), 403);
        problem(as(f.parent()).get("/api/parent/threads/" + thread + "/messages").then(), 403);
        as(f.parent()).get("/api/parent/threads").then().statusCode(200).body("items.size()", equalTo(0));
        // The tutor keeps the paper trail, but has nobody to write to.
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .body("items.size()", equalTo(2));
        problem(send(f.tutor(), f.tutor(), f.student(), "Still there?"), 409);
    }

    @Test
    void messageLengthIsCheckedAfterTrimming() {
        Family f = Family.create();
        problem(send(f.parent(), f.tutor(), f.student(), "   "), 400);
        problem(send(f.parent(), f.tutor(), f.student(), "x".repeat(5001)), 400);
        send(f.parent(), f.tutor(), f.student(), "  " + "x".repeat(5000) + "  ").statusCode(201);
    }

    @Test
    void nulCharactersAreRefusedNotStored() {
        Family f = Family.create();
        String detail = problem(send(f.parent(), f.tutor(), f.student(), "a\u0000b"), 400);
        assertTrue(detail.contains("NUL"), detail);
    }

    @Test
    void parentNamingThemselvesAsTutorIsRefused() {
        Family f = Family.create();
        problem(send(f.parent(), f.parent(), f.student(), "Am I the tutor?"), 403);
    }

    @Test
    void simultaneousFirstMessagesOpenOneThread() throws Exception {
        Family f = Family.create();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 6; i++) {
                Person sender = i % 2 == 0 ? f.parent() : f.tutor();
                String text = "race " + i;
                futures.add(pool.submit(() -> sendOk(sender, f.tutor(), f.student(), text)));
            }
            java.util.Set<String> threads = new java.util.HashSet<>();
            for (var future : futures) {
                threads.add(future.get());
            }
            assertEquals(1, threads.size(), "every message lands in the same thread");
        } finally {
            pool.shutdownNow();
        }
        as(f.tutor()).get("/api/parent/threads").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].unreadCount", equalTo(3));
    }

    @Test
    void malformedBodiesAreClientErrors() {
        Family f = Family.create();
        problem(as(f.parent()).body("{not json").post("/api/parent/messages").then(), 400);
        problem(as(f.parent()).body("{\"tutorId\":\"nope\",\"studentId\":\"" + f.student().id()
                + "\",\"message\":\"x\"}").post("/api/parent/messages").then(), 400);
        problem(as(f.parent()).body("{\"tutorId\":42,\"studentId\":[],\"message\":{}}")
                .post("/api/parent/messages").then(), 400);
        String detail = problem(as(f.parent()).body("{\"message\":\"x\"}").post("/api/parent/messages").then(), 400);
        assertTrue(detail.contains("tutorId") && detail.contains("studentId"), detail);
        problem(as(f.parent()).body("").post("/api/parent/messages").then(), 400);
        problem(as(f.parent()).body("null").post("/api/parent/messages").then(), 400);
    }

    @Test
    void oversizedBodyIs413() {
        Family f = Family.create();
        as(f.parent()).body(body(f.tutor(), f.student(), "x".repeat(200_000), null))
                .post("/api/parent/messages").then().statusCode(413);
    }

    private static Map<String, Object> body(Person tutor, Person student, String text, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("tutorId", tutor.id());
        body.put("studentId", student.id());
        body.put("message", text);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return body;
    }
}
