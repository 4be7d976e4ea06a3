package io.tutoring.papertrail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.tutoring.support.Api.admin;
import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.enroll;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.sendOk;
import static io.tutoring.support.Api.unlink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The family timeline: invites, links, enrollments and admin reads of the thread, for its participants only. */
@QuarkusTest
class TimelineTest {

    static JsonPath timeline(Person who, String threadId) {
        return as(who).get("/api/parent/threads/" + threadId + "/timeline").then().statusCode(200)
                .extract().jsonPath();
    }

    /** "TYPE ACTION actorName" per entry, oldest first. */
    static List<String> steps(JsonPath timeline) {
        List<Map<String, Object>> items = timeline.getList("items");
        return items.stream().map(e -> e.get("type") + " " + e.get("action")
                + (e.get("actor") == null ? "" : " " + ((Map<?, ?>) e.get("actor")).get("name"))).toList();
    }

    @Test
    void invitesLinksEnrollmentsAndAdminReadsInOrder() {
        Person admin = admin();
        Person parent = newUser("Parent", "PARENT");
        Person student = newUser("Student", "STUDENT");
        Person tutor = newUser("Tutor", "TUTOR");
        enroll(admin, student, tutor);
        String invite = as(parent).body(Map.of("studentEmail", student.email())).post("/api/parent/invites").then()
                .statusCode(202).extract().path("id");
        as(student).post("/api/student/invites/" + invite + "/confirm").then().statusCode(200);
        String thread = sendOk(parent, tutor, student, "Hello");
        as(admin).get("/api/admin/threads/" + thread + "/messages").then().statusCode(200);
        unlink(admin, parent, student);
        link(admin, parent, student);
        as(admin).delete("/api/admin/enrollments/" + student.id() + "/" + tutor.id()).then().statusCode(204);

        for (Person who : new Person[]{parent, tutor}) {
            JsonPath t = timeline(who, thread);
            List<String> steps = steps(t);
            assertEquals(8, steps.size(), steps.toString());
            assertEquals(List.of("ENROLLMENT STARTED " + admin.name(), "INVITE INVITED " + parent.name()),
                    steps.subList(0, 2));
            // The confirmation and the link it makes are one transaction: same moment, either order.
            assertEquals(java.util.Set.of("INVITE CONFIRMED " + student.name(),
                    "LINK CREATED_BY_INVITE " + student.name()), java.util.Set.copyOf(steps.subList(2, 4)));
            assertEquals(List.of(
                    "ADMIN_READ READ_MESSAGES " + admin.name(),
                    "LINK REMOVED_BY_ADMIN " + admin.name(),
                    "LINK CREATED_BY_ADMIN " + admin.name(),
                    "ENROLLMENT ENDED " + admin.name()), steps.subList(4, 8));
            assertEquals("PARENT_INVITED_STUDENT", t.getString("items[1].invite"));
            assertTrue(t.getString("items[0].at").endsWith("Z"));
        }
    }

    @Test
    void anotherFamilysTimelineIsNotFound() {
        Family f = Family.create();
        Family other = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        problem(as(other.parent()).get("/api/parent/threads/" + thread + "/timeline").then(), 404);
        problem(as(other.tutor()).get("/api/parent/threads/" + thread + "/timeline").then(), 404);
    }

    @Test
    void anUnlinkedParentCannotSeeTheTimeline() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        unlink(f.admin(), f.parent(), f.student());
        problem(as(f.parent()).get("/api/parent/threads/" + thread + "/timeline").then(), 403);
        timeline(f.tutor(), thread);
    }

    @Test
    void aStudentCannotSeeTheTimeline() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        problem(as(f.student()).get("/api/parent/threads/" + thread + "/timeline").then(), 403);
    }

    @Test
    void anonymousCannotSeeTheTimeline() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        anonymous().get("/api/parent/threads/" + thread + "/timeline").then().statusCode(401);
    }
}
