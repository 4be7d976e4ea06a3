package io.tutoring.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.sendOk;
import static io.tutoring.support.Api.signIn;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AdminTest {

    @Test
    void usersRegisteredAheadKeepTheirIdWhenTheySignIn() {
        Person admin = io.tutoring.support.Api.admin();
        Person tutor = Person.of("Future tutor", "TUTOR");
        String id = as(admin).body(Map.of("subject", tutor.subject(), "email", tutor.email(), "name", "Pre-registered",
                        "roles", List.of("TUTOR")))
                .post("/api/admin/users").then().statusCode(200).extract().path("id");

        // Enroll before the tutor ever signs in.
        Person student = newUser("Student", "STUDENT");
        as(admin).body(Map.of("studentId", student.id(), "tutorId", id)).put("/api/admin/enrollments")
                .then().statusCode(204);

        Person signedIn = signIn(tutor);
        assertEquals(id, signedIn.id().toString());
        as(signedIn).get("/api/me").then().statusCode(200).body("name", equalTo(tutor.name()));
    }

    @Test
    void registrationIsValidated() {
        Person admin = io.tutoring.support.Api.admin();
        String detail = problem(as(admin).body(Map.of("subject", "", "email", "not-an-email", "name", "x",
                "roles", List.of())).post("/api/admin/users").then(), 400);
        assertTrue(detail.contains("email") && detail.contains("subject") && detail.contains("roles"), detail);
        problem(as(admin).body(Map.of("subject", "s", "email", "a@b.org", "name", "x", "roles", List.of("KING")))
                .post("/api/admin/users").then(), 400);
    }

    @Test
    void enrollmentsAndLinksCheckTheUsersAndTheirRoles() {
        Family f = Family.create();
        UUID nobody = UUID.randomUUID();
        problem(as(f.admin()).body(Map.of("studentId", nobody, "tutorId", f.tutor().id()))
                .put("/api/admin/enrollments").then(), 404);
        String detail = problem(as(f.admin()).body(Map.of("studentId", f.parent().id(), "tutorId", f.tutor().id()))
                .put("/api/admin/enrollments").then(), 422);
        assertTrue(detail.contains("STUDENT"), detail);
        problem(as(f.admin()).body(Map.of("parentId", f.tutor().id(), "studentId", f.student().id()))
                .put("/api/admin/links").then(), 422);
        // Idempotent creation, 404 on removing what is not there.
        as(f.admin()).body(Map.of("parentId", f.parent().id(), "studentId", f.student().id()))
                .put("/api/admin/links").then().statusCode(204);
        as(f.admin()).delete("/api/admin/enrollments/" + f.student().id() + "/" + f.tutor().id())
                .then().statusCode(204);
        problem(as(f.admin()).delete("/api/admin/enrollments/" + f.student().id() + "/" + f.tutor().id()).then(), 404);
        problem(as(f.admin()).delete("/api/admin/links/" + nobody + "/" + f.student().id()).then(), 404);
        problem(as(f.admin()).delete("/api/admin/links/bad/" + f.student().id()).then(), 400);
        problem(as(f.admin()).get("/api/admin/threads?tutorId=nope").then(), 400);
        problem(as(f.admin()).get("/api/admin/audit?threadId=nope").then(), 400);
    }

    @Test
    void endedEnrollmentStopsNewMessagesButKeepsTheTrail() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "hello");
        as(f.admin()).delete("/api/admin/enrollments/" + f.student().id() + "/" + f.tutor().id())
                .then().statusCode(204);
        problem(io.tutoring.support.Api.send(f.parent(), f.tutor(), f.student(), "again"), 403);
        problem(io.tutoring.support.Api.send(f.tutor(), f.tutor(), f.student(), "bye"), 403);
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void adminsListThreadsByAnyPartyAndEveryReadIsAudited() {
        Family f = Family.create();
        Family other = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "one");
        sendOk(other.parent(), other.tutor(), other.student(), "two");

        for (String filter : List.of("parentId=" + f.parent().id(), "tutorId=" + f.tutor().id(),
                "studentId=" + f.student().id())) {
            as(f.admin()).get("/api/admin/threads?" + filter).then().statusCode(200)
                    .body("items.threadId", contains(thread))
                    .body("items[0].parent.name", equalTo(f.parent().name()))
                    .body("items[0].lastMessage.role", equalTo("PARENT"))
                    .body("items[0].lastMessage", not(hasKey("message")));
        }

        as(f.admin()).get("/api/admin/threads/" + thread + "/messages").then().statusCode(200)
                .body("items.message", contains("one"));
        as(other.admin()).get("/api/admin/threads/" + thread + "/messages").then().statusCode(200);

        JsonPath audit = as(f.admin()).get("/api/admin/audit?threadId=" + thread).then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.adminId", containsInAnyOrder(f.admin().id().toString(), other.admin().id().toString()))
                .body("items.action", contains("READ_MESSAGES", "READ_MESSAGES"))
                .extract().jsonPath();
        assertEquals(other.admin().id().toString(), audit.getString("items[0].adminId"), "newest first");
        problem(as(f.admin()).get("/api/admin/threads/" + UUID.randomUUID() + "/messages").then(), 404);
    }

    @Test
    void nobodyButAdminsReachesTheAdminApi() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "hi");
        for (Person who : List.of(f.parent(), f.tutor(), f.student())) {
            problem(as(who).get("/api/admin/threads").then(), 403);
            problem(as(who).get("/api/admin/threads/" + thread + "/messages").then(), 403);
            problem(as(who).get("/api/admin/audit").then(), 403);
            problem(as(who).body(Map.of("subject", "x", "email", "x@y.org", "name", "x", "roles", List.of("ADMIN")))
                    .post("/api/admin/users").then(), 403);
            problem(as(who).body(Map.of("studentId", f.student().id(), "tutorId", f.tutor().id()))
                    .put("/api/admin/enrollments").then(), 403);
            problem(as(who).body(Map.of("parentId", f.parent().id(), "studentId", f.student().id()))
                    .put("/api/admin/links").then(), 403);
            problem(as(who).delete("/api/admin/links/" + f.parent().id() + "/" + f.student().id()).then(), 403);
        }
        problem(anonymous().get("/api/admin/threads").then(), 401);
        // None of the refused reads were audited.
        as(f.admin()).get("/api/admin/audit?threadId=" + thread).then().statusCode(200)
                .body("items.size()", equalTo(0));
    }
}
