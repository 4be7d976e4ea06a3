package io.tutoring.invites;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tutoring.support.Person;
import io.tutoring.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.tutoring.invites.InviteFlows.inviteStudent;
import static io.tutoring.invites.InviteFlows.uniqueEmail;
import static io.tutoring.support.Api.admin;
import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.enroll;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.send;
import static io.tutoring.support.Api.sendOk;
import static io.tutoring.support.Api.signIn;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parent invites student by email or phone; the student confirms or declines from their account. */
@QuarkusTest
class InviteStudentTest {

    @Test
    void studentWhoSignsInLaterSeesTheInviteAndConfirmsThenTheParentMessagesTheTutor() {
        Person admin = admin();
        Person parent = newUser("Parent", "PARENT");
        Person student = Person.of("Student", "STUDENT"); // has not signed in yet

        String id = inviteStudent(parent, Map.of("studentEmail", student.email().toUpperCase())).statusCode(202)
                .body("status", equalTo("PENDING")).extract().path("id");
        as(parent).get("/api/parent/invites").then().statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].studentEmail", equalTo(student.email()))
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].student", nullValue());

        student = signIn(student);
        Person tutor = newUser("Tutor", "TUTOR");
        enroll(admin, student, tutor);
        as(student).get("/api/student/invites").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].parent.id", equalTo(parent.id().toString()))
                .body("items[0].parent.name", equalTo(parent.name()));

        as(student).post("/api/student/invites/" + id + "/confirm").then().statusCode(200)
                .body("parent.id", equalTo(parent.id().toString()))
                .body("student.id", equalTo(student.id().toString()));
        sendOk(parent, tutor, student, "Hello, tutor");

        as(student).get("/api/student/invites").then().body("items", hasSize(0));
        as(parent).get("/api/parent/invites").then()
                .body("items[0].status", equalTo("CONFIRMED"))
                .body("items[0].student.id", equalTo(student.id().toString()))
                .body("items[0].history.action", contains("INVITED", "CONFIRMED"))
                .body("items[0].history.actor.id", contains(parent.id().toString(), student.id().toString()));
        problem(as(student).post("/api/student/invites/" + id + "/confirm").then(), 409);
    }

    @Test
    void invitesByPhoneAreNormalizedToE164AndMatchTheStudentsPhone() {
        String digits = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        Person parent = newUser("Parent", "PARENT");
        Person student = signIn(Person.of("Student", "STUDENT").withPhone("+1650253" + digits));

        String id = inviteStudent(parent, Map.of("studentPhone", "+1 (650) 253-" + digits)).statusCode(202)
                .extract().path("id");
        as(parent).get("/api/parent/invites").then().body("items[0].studentPhone", equalTo("+1650253" + digits));
        as(student).get("/api/student/invites").then().body("items.id", org.hamcrest.Matchers.hasItem(id));
        as(student).post("/api/student/invites/" + id + "/confirm").then().statusCode(200);
        as(parent).get("/api/parent/links").then().body("student.id", contains(student.id().toString()));

        String detail = problem(inviteStudent(parent, Map.of("studentPhone", "not a phone")), 400);
        assertTrue(detail.contains("studentPhone") && detail.contains("country code"), detail);
        problem(inviteStudent(parent, Map.of("studentPhone", "650-253-0000")), 400);
        problem(inviteStudent(parent, Map.of("studentPhone", "+1 555")), 400);
        problem(inviteStudent(parent, Map.of()), 400);
        problem(inviteStudent(parent, Map.of("studentEmail", "nope")), 400);
    }

    @Test
    void declinedInviteMakesNoLinkAndTheParentSeesTheAnswer() {
        Person parent = newUser("Parent", "PARENT");
        Person student = newUser("Student", "STUDENT");
        String id = inviteStudent(parent, Map.of("studentEmail", student.email())).statusCode(202)
                .extract().path("id");

        as(student).post("/api/student/invites/" + id + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED"));
        as(student).get("/api/student/links").then().body("size()", equalTo(0));
        as(student).get("/api/student/invites").then().body("items", hasSize(0));
        problem(as(student).post("/api/student/invites/" + id + "/confirm").then(), 409);
        as(parent).get("/api/parent/invites").then()
                .body("items[0].status", equalTo("DECLINED"))
                .body("items[0].history.action", contains("INVITED", "DECLINED"));
        // Declined is final for that invite, but the parent may ask again.
        inviteStudent(parent, Map.of("studentEmail", student.email())).statusCode(202);
    }

    @Test
    void revokedInviteDisappearsForTheStudent() {
        Person parent = newUser("Parent", "PARENT");
        Person student = newUser("Student", "STUDENT");
        String id = inviteStudent(parent, Map.of("studentEmail", student.email())).statusCode(202)
                .extract().path("id");

        problem(as(newUser("Other parent", "PARENT")).delete("/api/parent/invites/" + id).then(), 404);
        as(parent).delete("/api/parent/invites/" + id).then().statusCode(204);
        as(student).get("/api/student/invites").then().body("items", hasSize(0));
        problem(as(student).post("/api/student/invites/" + id + "/confirm").then(), 410);
        problem(as(parent).delete("/api/parent/invites/" + id).then(), 409);
        as(parent).get("/api/parent/invites").then()
                .body("items[0].status", equalTo("REVOKED"))
                .body("items[0].history.action", contains("INVITED", "REVOKED"));
    }

    @Test
    void onlyTheAddressedStudentSeesAndAnswersAnInvite() {
        Person parent = newUser("Parent", "PARENT");
        Person student = Person.of("Student", "STUDENT");
        String id = inviteStudent(parent, Map.of("studentEmail", student.email())).statusCode(202)
                .extract().path("id");

        Person other = newUser("Other student", "STUDENT");
        as(other).get("/api/student/invites").then().body("items", hasSize(0));
        problem(as(other).post("/api/student/invites/" + id + "/confirm").then(), 404);
        problem(as(other).post("/api/student/invites/" + id + "/decline").then(), 404);

        // An email the identity provider marks unverified proves nothing.
        String unverified = Tokens.withClaims(student, Map.of("email_verified", false));
        RestAssured.given().auth().oauth2(unverified).get("/api/student/invites").then().statusCode(200)
                .body("items", hasSize(0));
        problem(RestAssured.given().auth().oauth2(unverified).contentType(ContentType.JSON)
                .post("/api/student/invites/" + id + "/confirm").then(), 404);

        student = signIn(student);
        as(student).post("/api/student/invites/" + id + "/confirm").then().statusCode(200);
    }

    @Test
    void theAnswerDoesNotTellWhetherTheAddressHasAnAccount() {
        Person parent = newUser("Parent", "PARENT");
        Person existing = newUser("Student", "STUDENT");
        Response a = as(parent).body(Map.of("studentEmail", existing.email())).post("/api/parent/invites");
        Response b = as(parent).body(Map.of("studentEmail", uniqueEmail("nobody"))).post("/api/parent/invites");
        assertEquals(202, a.statusCode());
        assertEquals(a.statusCode(), b.statusCode());
        assertEquals(a.jsonPath().getMap("").keySet(), b.jsonPath().getMap("").keySet());
        assertEquals(a.jsonPath().getString("status"), b.jsonPath().getString("status"));
        as(parent).get("/api/parent/invites").then()
                .body("items.status", contains("PENDING", "PENDING"))
                .body("items.student", contains(nullValue(), nullValue()));
    }

    @Test
    void duplicatesAndExistingLinksAreConflicts() {
        Person admin = admin();
        Person parent = newUser("Parent", "PARENT");
        String email = uniqueEmail("student");
        inviteStudent(parent, Map.of("studentEmail", email)).statusCode(202);
        String detail = problem(inviteStudent(parent, Map.of("studentEmail", email.toUpperCase())), 409);
        assertTrue(detail.contains("pending invite"), detail);
        as(parent).get("/api/parent/invites").then().body("items", hasSize(1));

        Person linked = newUser("Linked student", "STUDENT");
        link(admin, parent, linked);
        detail = problem(inviteStudent(parent, Map.of("studentEmail", linked.email())), 409);
        assertTrue(detail.contains("already linked"), detail);
        problem(inviteStudent(parent, Map.of("studentEmail", parent.email())), 400);

        // Another parent may invite the same student: each pair is its own link.
        inviteStudent(newUser("Second parent", "PARENT"), Map.of("studentEmail", email)).statusCode(202);
    }

    @Test
    void refusedCallers() {
        Person parent = newUser("Parent", "PARENT");
        Person student = newUser("Student", "STUDENT");
        String id = inviteStudent(parent, Map.of("studentEmail", student.email())).statusCode(202)
                .extract().path("id");

        problem(anonymous().body(Map.of("studentEmail", student.email())).post("/api/parent/invites").then(), 401);
        problem(anonymous().get("/api/student/invites").then(), 401);
        problem(inviteStudent(student, Map.of("studentEmail", uniqueEmail("x"))), 403);
        problem(inviteStudent(newUser("Tutor", "TUTOR"), Map.of("studentEmail", uniqueEmail("x"))), 403);
        problem(as(parent).get("/api/student/invites").then(), 403);
        problem(as(parent).post("/api/student/invites/" + id + "/confirm").then(), 403);
        problem(as(newUser("Tutor", "TUTOR")).post("/api/student/invites/" + id + "/confirm").then(), 403);
        problem(as(student).get("/api/parent/invites").then(), 403);
        problem(as(student).delete("/api/parent/invites/" + id).then(), 403);
        problem(as(student).post("/api/student/invites/not-a-uuid/confirm").then(), 400);
        as(student).get("/api/student/invites").then().body("items.id", contains(id));
    }

    @Test
    void eitherSideRemovesTheLinkAndTheParentLosesTheThreadsAtOnce() {
        Person admin = admin();
        Person parent = newUser("Parent", "PARENT");
        Person student = newUser("Student", "STUDENT");
        Person tutor = newUser("Tutor", "TUTOR");
        enroll(admin, student, tutor);
        String id = inviteStudent(parent, Map.of("studentEmail", student.email())).extract().path("id");
        as(student).post("/api/student/invites/" + id + "/confirm").then().statusCode(200);
        String thread = sendOk(parent, tutor, student, "Before");

        as(parent).delete("/api/parent/links/" + student.id()).then().statusCode(204);
        problem(send(parent, tutor, student, "After"), 403);
        problem(as(parent).get("/api/parent/threads/" + thread + "/messages").then(), 403);
        as(tutor).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .body("items", hasSize(1));
        problem(as(parent).delete("/api/parent/links/" + student.id()).then(), 404);
        problem(as(parent).delete("/api/parent/links/nope").then(), 400);
        as(student).get("/api/student/links").then().body("size()", equalTo(0));

        Map<String, Object> again = new HashMap<>();
        again.put("studentEmail", student.email());
        String second = inviteStudent(parent, again).statusCode(202).extract().path("id");
        as(student).post("/api/student/invites/" + second + "/confirm").then().statusCode(200);
        sendOk(parent, tutor, student, "Back again");
    }
}
