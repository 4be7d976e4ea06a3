package io.tutoring.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tutoring.support.Api;
import io.tutoring.support.Family;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.tutoring.support.Api.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 2: text is stored exactly as acknowledged. Text that PostgreSQL cannot store as sent (an unpaired
 * UTF-16 surrogate, which would come back as {@code ?}, or NUL) is a 400 naming the field, in every text field of
 * every request body, and nothing is stored; proper surrogate pairs (emoji) go through and read back unchanged.
 */
@QuarkusTest
class StoredTextTest {

    /** JSON escapes of text that cannot be stored as sent. */
    static final List<String> UNSTORABLE = List.of("lone \\ud800 high", "lone \\udc00 low", "reversed \\udc00\\ud800",
            "ends high \\ud83d", "nul \\u0000 inside");

    private static Family family;

    /** Who calls, how, where, a body template with %s where the text goes, and the field it is in. */
    record Field(String who, String method, String path, String template, String field) {
    }

    @BeforeEach
    void people() {
        if (family != null) {
            return;
        }
        family = Family.create();
    }

    static List<Field> fields() {
        String t = family.tutor().id().toString();
        String s = family.student().id().toString();
        return List.of(
                new Field("parent", "POST", "/api/parent/messages",
                        "{\"tutorId\":\"" + t + "\",\"studentId\":\"" + s + "\",\"message\":\"%s\"}", "message"),
                new Field("tutor", "POST", "/api/parent/messages",
                        "{\"tutorId\":\"" + t + "\",\"studentId\":\"" + s + "\",\"message\":\"%s\"}", "message"),
                new Field("parent", "POST", "/api/parent/messages",
                        "{\"tutorId\":\"" + t + "\",\"studentId\":\"" + s + "\",\"message\":\"hi\",\"attachmentUrl\":\"%s\"}",
                        "attachmentUrl"),
                new Field("parent", "POST", "/api/attachments",
                        "{\"fileName\":\"%s.pdf\",\"contentType\":\"application/pdf\",\"size\":12}", "fileName"),
                new Field("parent", "POST", "/api/attachments",
                        "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf%s\",\"size\":12}", "contentType"),
                new Field("parent", "POST", "/api/parent/invites", "{\"studentEmail\":\"a%s@example.org\"}",
                        "studentEmail"),
                new Field("parent", "POST", "/api/parent/invites", "{\"studentPhone\":\"+1 555 %s\"}", "studentPhone"),
                new Field("student", "POST", "/api/student/parent-invites", "{\"parentEmail\":\"p%s@example.org\"}",
                        "parentEmail"),
                new Field("anonymous", "POST", "/api/invites/preview", "{\"token\":\"%s\"}", "token"),
                new Field("parent", "POST", "/api/parent/invites/accept", "{\"token\":\"%s\"}", "token"),
                new Field("admin", "POST", "/api/admin/users",
                        "{\"subject\":\"s-%s\",\"email\":\"a@example.org\",\"name\":\"A\",\"roles\":[\"PARENT\"]}", "subject"),
                new Field("admin", "POST", "/api/admin/users",
                        "{\"subject\":\"s-1\",\"email\":\"a%s@example.org\",\"name\":\"A\",\"roles\":[\"PARENT\"]}", "email"),
                new Field("admin", "POST", "/api/admin/users",
                        "{\"subject\":\"s-1\",\"email\":\"a@example.org\",\"name\":\"A %s\",\"roles\":[\"PARENT\"]}", "name"),
                new Field("admin", "POST", "/api/admin/users",
                        "{\"subject\":\"s-1\",\"email\":\"a@example.org\",\"name\":\"A\",\"phone\":\"+1%s\",\"roles\":[\"PARENT\"]}",
                        "phone"));
    }

    @Test
    void unstorableTextIsA400NamingTheFieldInEveryTextField() {
        List<String> failures = new ArrayList<>();
        for (Field f : fields()) {
            for (String text : UNSTORABLE) {
                String body = f.template().formatted(text);
                var spec = switch (f.who()) {
                    case "anonymous" -> Api.anonymous();
                    case "parent" -> as(family.parent());
                    case "tutor" -> as(family.tutor());
                    case "student" -> as(family.student());
                    default -> as(family.admin());
                };
                var answer = spec.body(body).request(f.method(), f.path()).then().extract();
                boolean ok = answer.statusCode() == 400
                        && answer.contentType().startsWith("application/problem+json")
                        && f.field().equals(answer.path("errors[0].field"));
                if (!ok) {
                    failures.add(f.method() + " " + f.path() + " " + f.field() + " = \"" + text + "\": "
                            + answer.statusCode() + " " + answer.asString());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // Nothing of it was stored.
        as(family.parent()).get("/api/parent/threads").then().statusCode(200).body("items", empty());
        as(family.parent()).get("/api/parent/invites").then().statusCode(200).body("items", empty());
    }

    @Test
    void aLoneSurrogateInRawBytesIsA400Too() {
        // The UTF-16 surrogate D800 encoded as if it were a character (CESU-8 style): ED A0 80 is not valid UTF-8.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"tutorId\":\"" + family.tutor().id() + "\",\"studentId\":\"" + family.student().id()
                + "\",\"message\":\"raw ").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        body.writeBytes(" bytes\"}".getBytes(StandardCharsets.UTF_8));
        var answer = as(family.parent()).contentType(ContentType.JSON.withCharset("UTF-8")).body(body.toByteArray())
                .post("/api/parent/messages").then().extract();
        assertEquals(400, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.asString());
    }

    @Test
    void whatA201EchoesIsWhatEveryReadReturns() {
        Family f = Family.create();
        String text = "emoji \uD83D\uDE00 and \u00e9 and \u4e2d\u6587 and tab\there";
        String threadId = as(f.parent()).body("{\"tutorId\":\"" + f.tutor().id() + "\",\"studentId\":\""
                        + f.student().id() + "\",\"message\":\"emoji \\ud83d\\ude00 and \u00e9 and \\u4e2d\\u6587 and tab\\there\"}")
                .post("/api/parent/messages").then().statusCode(201).body("message", equalTo(text))
                .extract().path("threadId");
        as(f.tutor()).get("/api/parent/threads/" + threadId + "/messages").then().statusCode(200)
                .body("items[0].message", equalTo(text));
        as(f.parent()).get("/api/parent/threads").then().statusCode(200)
                .body("items[0].lastMessage.message", equalTo(text));
        String name = "Zo\u00eb \uD83D\uDE00 " + UUID.randomUUID().toString().substring(0, 6);
        as(f.admin()).body("{\"subject\":\"s-" + UUID.randomUUID() + "\",\"email\":\"z@example.org\",\"name\":\""
                + name + "\",\"roles\":[\"PARENT\"]}").post("/api/admin/users").then().statusCode(200);
    }
}
