package io.tutoring.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Api;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.tutoring.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 5: JSON types are strict in every request body. A string where a number is expected, a fraction
 * where an integer is, a number (or boolean, object, array) where a string is, an unknown enum value: each a 400
 * problem+json whose {@code errors} names the field.
 */
@QuarkusTest
class StrictJsonTest {

    private static Family family;
    private static Person student;

    /** Who calls, how, where, the body, and the field the answer must name. */
    record Case(String name, String who, String method, String path, String body, String field) {
    }

    @BeforeEach
    void people() {
        if (family != null) {
            return;
        }
        family = Family.create();
        student = family.student();
    }

    static List<Case> cases() {
        String t = family.tutor().id().toString();
        String s = family.student().id().toString();
        String p = family.parent().id().toString();
        String thread = UUID.randomUUID().toString();
        return List.of(
                // POST /api/attachments {fileName, contentType, size}
                new Case("size as a string", "parent", "POST", "/api/attachments",
                        "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"size\":\"12\"}", "size"),
                new Case("size as a fraction", "parent", "POST", "/api/attachments",
                        "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"size\":1.5}", "size"),
                new Case("size as a whole fraction", "parent", "POST", "/api/attachments",
                        "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"size\":12.0}", "size"),
                new Case("size as a boolean", "parent", "POST", "/api/attachments",
                        "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"size\":true}", "size"),
                new Case("size as an empty string", "parent", "POST", "/api/attachments",
                        "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"size\":\"\"}", "size"),
                new Case("fileName as a number", "parent", "POST", "/api/attachments",
                        "{\"fileName\":5,\"contentType\":\"application/pdf\",\"size\":12}", "fileName"),
                new Case("contentType as a boolean", "parent", "POST", "/api/attachments",
                        "{\"fileName\":\"a.pdf\",\"contentType\":true,\"size\":12}", "contentType"),
                // POST /api/parent/messages {tutorId, studentId, message, attachmentUrl?, parentId?}
                new Case("message as a number", "parent", "POST", "/api/parent/messages",
                        "{\"tutorId\":\"" + t + "\",\"studentId\":\"" + s + "\",\"message\":5}", "message"),
                new Case("message as a fraction", "parent", "POST", "/api/parent/messages",
                        "{\"tutorId\":\"" + t + "\",\"studentId\":\"" + s + "\",\"message\":1.5}", "message"),
                new Case("message as an object", "parent", "POST", "/api/parent/messages",
                        "{\"tutorId\":\"" + t + "\",\"studentId\":\"" + s + "\",\"message\":{\"a\":1}}", "message"),
                new Case("message as an array", "parent", "POST", "/api/parent/messages",
                        "{\"tutorId\":\"" + t + "\",\"studentId\":\"" + s + "\",\"message\":[\"a\"]}", "message"),
                new Case("tutorId as a number", "parent", "POST", "/api/parent/messages",
                        "{\"tutorId\":5,\"studentId\":\"" + s + "\",\"message\":\"hi\"}", "tutorId"),
                new Case("attachmentUrl as a boolean", "parent", "POST", "/api/parent/messages",
                        "{\"tutorId\":\"" + t + "\",\"studentId\":\"" + s + "\",\"message\":\"hi\",\"attachmentUrl\":false}",
                        "attachmentUrl"),
                // Invites
                new Case("preview token as a number", "anonymous", "POST", "/api/invites/preview",
                        "{\"token\":5}", "token"),
                new Case("accept token as a number", "parent", "POST", "/api/parent/invites/accept",
                        "{\"token\":5}", "token"),
                new Case("studentEmail as a number", "parent", "POST", "/api/parent/invites",
                        "{\"studentEmail\":5}", "studentEmail"),
                new Case("studentPhone as a number", "parent", "POST", "/api/parent/invites",
                        "{\"studentPhone\":5551234}", "studentPhone"),
                new Case("parentEmail as a boolean", "student", "POST", "/api/student/parent-invites",
                        "{\"parentEmail\":true}", "parentEmail"),
                // Tutor inbox
                new Case("snooze until as a number", "tutor", "PUT", "/api/tutor/threads/" + thread + "/snooze",
                        "{\"until\":1893456000}", "until"),
                // Admin
                new Case("unknown role", "admin", "POST", "/api/admin/users",
                        "{\"subject\":\"s-1\",\"email\":\"a@example.org\",\"name\":\"A\",\"roles\":[\"WIZARD\"]}",
                        "roles[0]"),
                new Case("role as a number", "admin", "POST", "/api/admin/users",
                        "{\"subject\":\"s-1\",\"email\":\"a@example.org\",\"name\":\"A\",\"roles\":[1]}", "roles[0]"),
                new Case("roles as a string", "admin", "POST", "/api/admin/users",
                        "{\"subject\":\"s-1\",\"email\":\"a@example.org\",\"name\":\"A\",\"roles\":\"PARENT\"}", "roles"),
                new Case("admin name as a number", "admin", "POST", "/api/admin/users",
                        "{\"subject\":\"s-1\",\"email\":\"a@example.org\",\"name\":7,\"roles\":[\"PARENT\"]}", "name"),
                new Case("subject as a number", "admin", "POST", "/api/admin/users",
                        "{\"subject\":12,\"email\":\"a@example.org\",\"name\":\"A\",\"roles\":[\"PARENT\"]}", "subject"),
                new Case("enrollment studentId as a number", "admin", "PUT", "/api/admin/enrollments",
                        "{\"studentId\":5,\"tutorId\":\"" + t + "\"}", "studentId"),
                new Case("link parentId as a boolean", "admin", "PUT", "/api/admin/links",
                        "{\"parentId\":true,\"studentId\":\"" + s + "\"}", "parentId"),
                new Case("link studentId as an object", "admin", "PUT", "/api/admin/links",
                        "{\"parentId\":\"" + p + "\",\"studentId\":{}}", "studentId"));
    }

    @Test
    void looseTypesAre400sNamingTheField() {
        List<String> failures = new java.util.ArrayList<>();
        for (Case c : cases()) {
            var spec = switch (c.who()) {
                case "anonymous" -> Api.anonymous();
                case "parent" -> as(family.parent());
                case "tutor" -> as(family.tutor());
                case "student" -> as(student);
                default -> as(family.admin());
            };
            var answer = spec.body(c.body()).request(c.method(), c.path()).then().extract();
            String ok = answer.statusCode() == 400
                    && answer.contentType().startsWith("application/problem+json")
                    && c.field().equals(answer.path("errors[0].field"))
                    && ((List<?>) answer.path("errors")).size() == 1
                    && answer.path("errors[0].message") != null ? null : answer.asString();
            if (ok != null) {
                failures.add(c.name() + " (" + c.method() + " " + c.path() + "): " + answer.statusCode() + " " + ok);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void strictTypesStillAcceptTheRightOnes() {
        as(family.parent()).body("{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"size\":12}")
                .post("/api/attachments").then().statusCode(201);
        as(family.parent()).body("{\"tutorId\":\"" + family.tutor().id() + "\",\"studentId\":\""
                        + family.student().id() + "\",\"message\":\"typed right\",\"parentId\":null}")
                .post("/api/parent/messages").then().statusCode(201).body("message", equalTo("typed right"));
        as(family.admin()).body("{\"subject\":\"s-" + UUID.randomUUID() + "\",\"email\":\"b@example.org\",\"name\":\"B\","
                        + "\"roles\":[\"PARENT\",\"TUTOR\"]}")
                .post("/api/admin/users").then().statusCode(200);
        as(family.tutor()).get("/api/parent/threads").then().statusCode(200).body("items", hasSize(1));
    }
}
