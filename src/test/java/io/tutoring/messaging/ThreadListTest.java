package io.tutoring.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import io.tutoring.support.Statements;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.enroll;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.sendOk;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ThreadListTest {

    @Inject
    Statements counter;

    @Test
    void threadsCarryNamesLastMessageAndSideSpecificFields() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "first");
        sendOk(f.tutor(), f.tutor(), f.student(), "latest");

        as(f.parent()).get("/api/parent/threads").then().statusCode(200)
                .body("items[0].threadId", equalTo(thread))
                .body("items[0].parent.name", equalTo(f.parent().name()))
                .body("items[0].tutor.name", equalTo(f.tutor().name()))
                .body("items[0].student.name", equalTo(f.student().name()))
                .body("items[0].student.id", equalTo(f.student().id().toString()))
                .body("items[0].lastMessage.message", equalTo("latest"))
                .body("items[0].lastMessage.role", equalTo("TUTOR"))
                .body("items[0]", not(hasKey("pinned")))
                .body("items[0]", not(hasKey("snoozedUntil")))
                .body("nextCursor", nullValue());

        as(f.tutor()).get("/api/parent/threads").then().statusCode(200)
                .body("items[0].threadId", equalTo(thread))
                .body("items[0].pinned", equalTo(false));
    }

    @Test
    void keysetPagesWalkEveryThreadOnceNewestFirst() {
        Person admin = io.tutoring.support.Api.admin();
        Person tutor = newUser("Tutor", "TUTOR");
        Person parent = newUser("Parent", "PARENT");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Person student = newUser("Student " + i, "STUDENT");
            enroll(admin, student, tutor);
            link(admin, parent, student);
            sent.add(0, sendOk(parent, tutor, student, "m" + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(parent).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/parent/threads").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.threadId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(sent, seen);
    }

    @Test
    void listIssuesTheSameNumberOfStatementsForOneOrManyThreads() {
        Person admin = io.tutoring.support.Api.admin();
        Person tutor = newUser("Tutor", "TUTOR");
        Person parent = newUser("Parent", "PARENT");
        for (int i = 0; i < 8; i++) {
            Person student = newUser("Student " + i, "STUDENT");
            enroll(admin, student, tutor);
            link(admin, parent, student);
            sendOk(parent, tutor, student, "m" + i);
            if (i % 2 == 0) {
                sendOk(tutor, tutor, student, "reply" + i);
            }
        }
        Person loneTutor = newUser("Lone tutor", "TUTOR");
        Person loneParent = newUser("Lone parent", "PARENT");
        Person loneStudent = newUser("Lone student", "STUDENT");
        enroll(admin, loneStudent, loneTutor);
        link(admin, loneParent, loneStudent);
        sendOk(loneParent, loneTutor, loneStudent, "only");

        for (Person who : List.of(tutor, parent)) {
            // Warm up: the first request of a person upserts their user row.
            as(who).get("/api/parent/threads").then().statusCode(200).body("items.size()", equalTo(8));
        }
        as(loneTutor).get("/api/parent/threads").then().statusCode(200);
        as(loneParent).get("/api/parent/threads").then().statusCode(200);

        long many = statements(() -> as(tutor).get("/api/parent/threads").then().statusCode(200)
                .body("items.size()", equalTo(8)));
        long one = statements(() -> as(loneTutor).get("/api/parent/threads").then().statusCode(200)
                .body("items.size()", equalTo(1)));
        assertEquals(one, many, "a tutor's list costs the same statements for 1 or 8 threads");
        assertEquals(1, many, "a tutor's list is one statement");

        long manyParent = statements(() -> as(parent).get("/api/parent/threads").then().statusCode(200));
        long oneParent = statements(() -> as(loneParent).get("/api/parent/threads").then().statusCode(200));
        assertEquals(oneParent, manyParent);
        assertEquals(1, manyParent, "a parent's list is one statement");
    }

    @Test
    void anotherFamilysThreadDoesNotLeak() {
        Family mine = Family.create();
        Family theirs = Family.create();
        String theirThread = sendOk(theirs.parent(), theirs.tutor(), theirs.student(), "private");

        String detail = problem(as(mine.parent()).get("/api/parent/threads/" + theirThread + "/messages").then(), 404);
        assertTrue(detail.contains("No thread"), detail);
        problem(as(mine.tutor()).get("/api/parent/threads/" + theirThread + "/messages").then(), 404);
        // The not-found answer is the same as for a thread that does not exist at all.
        problem(as(mine.parent()).get("/api/parent/threads/" + java.util.UUID.randomUUID() + "/messages").then(), 404);
        as(mine.parent()).get("/api/parent/threads").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void theStudentsOtherParentCannotOpenTheFirstParentsThread() {
        Family f = Family.create();
        Person second = newUser("Second parent", "PARENT");
        link(f.admin(), second, f.student());
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "only between us");
        problem(as(second).get("/api/parent/threads/" + thread + "/messages").then(), 404);
        as(second).get("/api/parent/threads").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anAdminWhoIsAlsoAParentGetsNoOtherThreadThroughTheParentEndpoints() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "private");
        Person adminParent = newUser("Admin parent", "ADMIN", "PARENT");
        problem(as(adminParent).get("/api/parent/threads/" + thread + "/messages").then(), 404);
        // Nothing was stamped read.
        as(f.tutor()).get("/api/parent/threads").then().statusCode(200).body("items[0].unreadCount", equalTo(1));
    }

    @Test
    void studentsAdminsAndAnonymousCannotUseTheParentEndpoints() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "hi");
        problem(as(f.student()).get("/api/parent/threads").then(), 403);
        problem(as(f.student()).get("/api/parent/threads/" + thread + "/messages").then(), 403);
        problem(as(f.admin()).get("/api/parent/threads/" + thread + "/messages").then(), 403);
        problem(io.tutoring.support.Api.anonymous().get("/api/parent/threads").then(), 401);
        problem(io.tutoring.support.Api.anonymous().get("/api/parent/threads/" + thread + "/messages").then(), 401);
    }

    @Test
    void badIdsCursorsAndLimitsAre400() {
        Family f = Family.create();
        problem(as(f.parent()).get("/api/parent/threads/not-a-uuid/messages").then(), 400);
        problem(as(f.parent()).queryParam("cursor", "garbage!").get("/api/parent/threads").then(), 400);
        problem(as(f.parent()).queryParam("limit", 0).get("/api/parent/threads").then(), 400);
        problem(as(f.parent()).queryParam("limit", 1000).get("/api/parent/threads").then(), 400);
        problem(as(f.parent()).queryParam("limit", "ten").get("/api/parent/threads").then(), 400);
        problem(as(f.parent()).queryParam("as", "KING").get("/api/parent/threads").then(), 400);
        String farFuture = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("0|999999999999|0|" + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        problem(as(f.parent()).queryParam("cursor", farFuture).get("/api/parent/threads").then(), 400);
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "hi");
        problem(as(f.parent()).queryParam("before", "garbage").get("/api/parent/threads/" + thread + "/messages")
                .then(), 400);
    }

    @Test
    void messagesPageNewestFirstWithBeforeCursor() {
        Family f = Family.create();
        String thread = null;
        for (int i = 0; i < 5; i++) {
            thread = sendOk(f.parent(), f.tutor(), f.student(), "m" + i);
        }
        JsonPath first = as(f.tutor()).queryParam("limit", 3).get("/api/parent/threads/" + thread + "/messages")
                .then().statusCode(200).body("items.message", contains("m4", "m3", "m2")).extract().jsonPath();
        as(f.tutor()).queryParam("limit", 3).queryParam("before", first.getString("nextCursor"))
                .get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .body("items.message", contains("m1", "m0"))
                .body("nextCursor", nullValue());
    }

    @Test
    void contactsShowWhoEachSideCanWriteTo() {
        Family f = Family.create();
        Person secondTutor = newUser("Second tutor", "TUTOR");
        enroll(f.admin(), f.student(), secondTutor);
        Person secondParent = newUser("Second parent", "PARENT");
        link(f.admin(), secondParent, f.student());

        JsonPath parentView = as(f.parent()).get("/api/parent/contacts").then().statusCode(200).extract().jsonPath();
        assertEquals(1, parentView.getList("$").size());
        assertEquals(f.student().id().toString(), parentView.getString("[0].student.id"));
        assertEquals(Set.of(f.tutor().id().toString(), secondTutor.id().toString()),
                new HashSet<>(parentView.getList("[0].tutors.id")));

        JsonPath tutorView = as(f.tutor()).get("/api/parent/contacts").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of(f.parent().id().toString(), secondParent.id().toString()),
                new HashSet<>(tutorView.getList("[0].parents.id")));

        Person stranger = newUser("Stranger", "PARENT");
        as(stranger).get("/api/parent/contacts").then().statusCode(200).body("size()", equalTo(0));
        problem(as(f.student()).get("/api/parent/contacts").then(), 403);
    }

    private long statements(Runnable request) {
        return counter.during(request);
    }
}
