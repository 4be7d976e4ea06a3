package io.tutoring.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tutoring.support.Api;
import io.tutoring.support.Classroom;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.sendOk;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The messaging pages over plain HTTP (a bearer token stands in for the page session: the pages take either): the
 * fragments that htmx and live updates load, the forms with their CSRF token, and the refusals as pages.
 */
@QuarkusTest
class MessagesPagesHttpTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(2)>";

    @Test
    void theListShowsStudentTutorLastMessageAndUnreadBadgeEscaped() {
        Family f = Family.create();
        String thread = sendOk(f.tutor(), f.tutor(), f.student(), "Hello " + SCRIPT + IMG);
        String html = page(f.parent()).get("/messages").then().statusCode(200).contentType(ContentType.HTML)
                .extract().asString();
        assertTrue(html.contains("href=\"/threads/" + thread + "\""), html);
        assertTrue(html.contains(f.student().name()) && html.contains("with " + f.tutor().name()), html);
        assertTrue(html.contains("1 unread"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(!html.contains(SCRIPT) && !html.contains("<img src=x"), html);
        assertTrue(html.contains("sse-connect=\"/api/events\"") && html.contains("hx-trigger=\"sse:message"), html);
        // The parent has no tutor controls.
        assertTrue(!html.contains("/pin\""), html);
    }

    @Test
    void theTutorsStudentFilterOffersTheStudentsTheTutorHasThreadsAbout() {
        Classroom c = Classroom.of(3);
        sendOk(c.family(0).parent(), c.tutor(), c.family(0).student(), "about the first");
        sendOk(c.tutor(), c.tutor(), c.family(2).student(), "about the third");
        String html = page(c.tutor()).get("/messages").then().statusCode(200).extract().asString();
        String filter = between(html, "<select id=\"filter-student\"", "</select>");
        assertTrue(filter.contains("value=\"" + c.family(0).student().id() + "\""), filter);
        assertTrue(filter.contains("value=\"" + c.family(2).student().id() + "\""), filter);
        // Enrolled, but no thread about them yet: filtering by them would show nothing.
        assertTrue(!filter.contains(c.family(1).student().id().toString()), filter);
    }

    @Test
    void theRowsFragmentIsTheListAloneAndPagesOn() {
        Classroom c = Classroom.of(22);
        List<String> threads = c.parentsWrite();
        String first = page(c.tutor()).get("/messages/rows").then().statusCode(200).extract().asString();
        assertTrue(!first.contains("<header") && first.contains("<ol class=\"threads\""), first);
        assertEquals(20, count(first, "<li class=\"thread-row"));
        assertTrue(first.contains("/threads/" + threads.get(21)), "newest first");
        String next = between(first, "hx-get=\"/messages/rows", "\"").replace("&amp;", "&");
        String second = page(c.tutor()).get("/messages/rows" + next).then().statusCode(200).extract().asString();
        assertEquals(2, count(second, "<li class=\"thread-row"));
        assertTrue(second.contains("/threads/" + threads.get(0)) && !second.contains("Older conversations"), second);
        // htmx asking for /messages gets the rows alone too.
        page(c.tutor()).header("HX-Request", "true").get("/messages").then().statusCode(200)
                .body(not(containsString("<header")));
    }

    @Test
    void theTutorPinsSnoozesAndWakesWithForms() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        Csrf csrf = csrf(f.tutor());
        csrf.post("/messages/" + thread + "/pin", "pinned", "true", "back", "?unread=true").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/messages?unread=true"));
        page(f.tutor()).get("/messages").then().body(containsString("Unpin"), containsString(">Pinned<"));
        page(f.tutor()).get("/messages?show=pinned").then().body(containsString("/threads/" + thread));
        // A bad "back" never leads off the list.
        csrf.post("/messages/" + thread + "/pin", "pinned", "false", "back", "//evil.example").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/messages"));
        csrf.post("/messages/" + thread + "/snooze", "preset", "tomorrow").then().statusCode(303);
        page(f.tutor()).get("/messages").then().body(not(containsString("/threads/" + thread)));
        page(f.tutor()).get("/messages?show=snoozed").then()
                .body(containsString("/threads/" + thread), containsString("Snoozed until"), containsString("Wake now"));
        csrf.post("/messages/" + thread + "/wake").then().statusCode(303);
        page(f.tutor()).get("/messages").then().body(containsString("/threads/" + thread));
        csrf.post("/messages/" + thread + "/snooze", "preset", "week").then().statusCode(303);
        page(f.tutor()).get("/messages?show=snoozed").then().body(containsString("/threads/" + thread));
        csrf.post("/messages/" + thread + "/snooze", "preset", "date", "date", "2001-01-01").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("until must be in the future"));
        csrf.post("/messages/" + thread + "/snooze", "preset", "date", "date", "").then().statusCode(400)
                .body(containsString("Choose a date for the snooze."));
        // The filter by student.
        page(f.tutor()).get("/messages?show=snoozed&student=" + f.student().id()).then()
                .body(containsString("/threads/" + thread));
        page(f.tutor()).get("/messages?show=snoozed&student=" + UUID.randomUUID()).then()
                .body(not(containsString("/threads/" + thread)), containsString("Nothing matches these filters."));
    }

    @Test
    void theParentCannotPinAndAStrangerLearnsNothing() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        csrf(f.parent()).post("/messages/" + thread + "/pin", "pinned", "true").then().statusCode(403)
                .contentType(ContentType.HTML).body(containsString("You cannot open this page"));
        Person otherTutor = Api.newUser("Other tutor", "TUTOR");
        csrf(otherTutor).post("/messages/" + thread + "/snooze", "preset", "tomorrow").then().statusCode(404)
                .contentType(ContentType.HTML);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        page(f.tutor()).contentType(ContentType.URLENC).formParam("pinned", "true")
                .post("/messages/" + thread + "/pin").then().statusCode(400);
        page(f.parent()).contentType(ContentType.URLENC).formParam("message", "x")
                .post("/threads/" + thread + "/messages").then().statusCode(400);
        as(f.tutor()).get("/api/parent/threads").then().statusCode(200)
                .body("items[0].pinned", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void anotherFamilysThreadIsTheSame404AsOneThatDoesNotExist() {
        Family f = Family.create();
        Family other = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Private " + SCRIPT);
        String theirs = main(page(other.parent()).get("/threads/" + thread).then().statusCode(404)
                .contentType(ContentType.HTML).extract().asString());
        String missing = main(page(other.parent()).get("/threads/" + UUID.randomUUID()).then().statusCode(404)
                .extract().asString());
        assertEquals(missing, theirs);
        assertTrue(!theirs.contains("Private"), theirs);
        for (String fragment : List.of("/since?after=" + UUID.randomUUID(), "/receipts", "/older")) {
            page(other.tutor()).get("/threads/" + thread + fragment).then().statusCode(404);
        }
        page(other.parent()).get("/threads/not-a-uuid").then().statusCode(400).contentType(ContentType.HTML);
    }

    @Test
    void theThreadPageShowsTheConversationOldestFirstAndReceipts() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "First " + IMG);
        sendOk(f.tutor(), f.tutor(), f.student(), "Second " + SCRIPT);
        String html = page(f.parent()).get("/threads/" + thread).then().statusCode(200).extract().asString();
        assertTrue(html.indexOf("First ") < html.indexOf("Second "), html);
        assertTrue(!html.contains(SCRIPT) && !html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;script&gt;") && html.contains("&quot;&gt;&lt;img"), html);
        assertTrue(html.contains(">Sent<"), "the parent's own message, not read yet: " + html);
        // The tutor opens it: the parent's message is read, and the receipts fragment says so (stamps nothing).
        page(f.tutor()).get("/threads/" + thread).then().statusCode(200).body(containsString("Read"));
        String receipts = page(f.parent()).get("/threads/" + thread + "/receipts").then().statusCode(200)
                .extract().asString();
        assertTrue(receipts.contains("hx-swap-oob=\"true\"") && receipts.contains("Read <time"), receipts);
        assertEquals(1, count(receipts, "id=\"receipt-"), receipts);
    }

    @Test
    void theSinceFragmentHasOnlyTheNewerMessagesAndTheNextMarker() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "One");
        String first = as(f.parent()).get("/api/parent/threads/" + thread + "/messages").then().extract()
                .path("items[0].id");
        // Events are per user: an event of another thread finds nothing newer here, 204 (htmx swaps nothing).
        page(f.parent()).get("/threads/" + thread + "/since?after=" + first).then().statusCode(204);
        String second = as(f.tutor()).body(java.util.Map.of("tutorId", f.tutor().id(), "studentId", f.student().id(),
                "message", "Two " + SCRIPT)).post("/api/parent/messages").then().statusCode(201).extract().path("id");
        String newer = page(f.parent()).get("/threads/" + thread + "/since?after=" + first).then().statusCode(200)
                .extract().asString();
        assertEquals(1, count(newer, "<li class=\"message"), newer);
        assertTrue(newer.contains("Two &lt;script&gt;") && newer.contains("since?after=" + second), newer);
        assertTrue(!newer.contains("<header"), newer);
        // Shown live means read.
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then()
                .body("items[0].readAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theParentSeesTheTutorsReplyTimeAndOfficeHoursInTheThread() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        page(f.parent()).get("/threads/" + thread).then().statusCode(200)
                .body(not(containsString("class=\"hint availability\"")));
        List<java.util.Map<String, String>> hours = java.util.stream.Stream.of("MONDAY", "TUESDAY", "WEDNESDAY",
                "THURSDAY", "FRIDAY").map(d -> java.util.Map.of("day", d, "from", "15:00", "to", "19:00")).toList();
        as(f.tutor()).body(java.util.Map.of("email", "BATCHED", "officeHours", hours, "replyWithinHours", 24))
                .put("/api/me/preferences").then().statusCode(200);
        page(f.parent()).get("/threads/" + thread).then().statusCode(200).body(containsString(
                "<p class=\"hint availability\">Usually replies within a day; office hours Mon–Fri 15:00–19:00</p>"));
        // The tutor does not read their own hours in the thread.
        page(f.tutor()).get("/threads/" + thread).then().statusCode(200)
                .body(not(containsString("class=\"hint availability\"")));
    }

    @Test
    void olderMessagesComeOnDemand() {
        Family f = Family.create();
        String thread = null;
        for (int i = 0; i < 23; i++) {
            thread = sendOk(f.parent(), f.tutor(), f.student(), "Message number " + i + ".");
        }
        String html = page(f.tutor()).get("/threads/" + thread).then().statusCode(200).extract().asString();
        assertTrue(!html.contains("Message number 2.") && html.contains("Message number 3.")
                && html.contains("Message number 22."), html);
        String before = between(html, "/older?before=", "\"");
        String older = page(f.tutor()).get("/threads/" + thread + "/older?before=" + before).then().statusCode(200)
                .extract().asString();
        assertEquals(3, count(older, "<li class=\"message"), older);
        assertTrue(older.indexOf("Message number 0.") < older.indexOf("Message number 2."), older);
        // Without JavaScript the link opens the older page.
        page(f.tutor()).get("/threads/" + thread + "?before=" + before).then().statusCode(200)
                .body(containsString("Message number 0."), containsString("<header"));
    }

    @Test
    void aReplyIsSentAndAnEmptyOneShowsTheFormAgain() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        Csrf tutor = csrf(f.tutor());
        tutor.post("/threads/" + thread + "/messages", "message", "  ").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("Write a message."),
                        containsString("aria-invalid=\"true\""));
        tutor.post("/threads/" + thread + "/messages", "message", "Thanks " + SCRIPT).then().statusCode(303)
                .header("Location", containsString("/threads/" + thread + "#m-"));
        as(f.parent()).get("/api/parent/threads/" + thread + "/messages").then()
                .body("items[0].message", org.hamcrest.Matchers.equalTo("Thanks " + SCRIPT))
                .body("items[0].role", org.hamcrest.Matchers.equalTo("TUTOR"));
        // A stranger's reply is the 404 page.
        csrf(Family.create().parent()).post("/threads/" + thread + "/messages", "message", "x").then()
                .statusCode(404);
    }

    @Test
    void theRecipientAcknowledgesOnThePageOnceAndBothSidesSeeIt() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        String message = as(f.tutor()).body(java.util.Map.of("tutorId", f.tutor().id(), "studentId",
                f.student().id(), "message", "Fees are due Friday", "requestAck", true)).post("/api/parent/messages")
                .then().statusCode(201).extract().path("id");
        String ack = "/threads/" + thread + "/messages/" + message + "/ack";
        String parentView = page(f.parent()).get("/threads/" + thread).then().statusCode(200).extract().asString();
        assertTrue(parentView.contains("Please acknowledge") && parentView.contains("action=\"" + ack + "\""),
                parentView);
        String tutorView = page(f.tutor()).get("/threads/" + thread).then().statusCode(200).extract().asString();
        assertTrue(tutorView.contains("Acknowledgement requested") && !tutorView.contains(ack), tutorView);
        // Reading is not acknowledging.
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then()
                .body("items[0].readAt", org.hamcrest.Matchers.notNullValue())
                .body("items[0].ackedAt", org.hamcrest.Matchers.nullValue());
        csrf(f.parent()).post(ack).then().statusCode(303)
                .header("Location", containsString("/threads/" + thread + "#m-" + message));
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then()
                .body("items[0].ackedAt", org.hamcrest.Matchers.notNullValue());
        for (Person who : List.of(f.parent(), f.tutor())) {
            page(who).get("/threads/" + thread).then().statusCode(200)
                    .body(containsString("Acknowledged <time"), not(containsString("Please acknowledge")));
        }
        // An acknowledgement is final: a second one is the 409 page, which says why.
        csrf(f.parent()).post(ack).then().statusCode(409).contentType(ContentType.HTML)
                .body(containsString("already acknowledged"));
    }

    @Test
    void theSenderCannotAcknowledgeTheirOwnMessage() {
        Family f = Family.create();
        String thread = sendOk(f.tutor(), f.tutor(), f.student(), "Hi");
        String message = as(f.tutor()).body(java.util.Map.of("tutorId", f.tutor().id(), "studentId",
                f.student().id(), "message", "Please sign", "requestAck", true)).post("/api/parent/messages")
                .then().statusCode(201).extract().path("id");
        csrf(f.tutor()).post("/threads/" + thread + "/messages/" + message + "/ack").then().statusCode(403)
                .contentType(ContentType.HTML);
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then()
                .body("items[0].ackedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aMessageThatAsksForNothingCannotBeAcknowledged() {
        Family f = Family.create();
        String thread = sendOk(f.tutor(), f.tutor(), f.student(), "Just news");
        String message = as(f.parent()).get("/api/parent/threads/" + thread + "/messages").then().extract()
                .path("items[0].id");
        csrf(f.parent()).post("/threads/" + thread + "/messages/" + message + "/ack").then().statusCode(409)
                .contentType(ContentType.HTML);
    }

    @Test
    void anotherFamilysAckIsThe404PageAndWithoutTheTokenItIsRefused() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        String message = as(f.tutor()).body(java.util.Map.of("tutorId", f.tutor().id(), "studentId",
                f.student().id(), "message", "Please sign", "requestAck", true)).post("/api/parent/messages")
                .then().statusCode(201).extract().path("id");
        String ack = "/threads/" + thread + "/messages/" + message + "/ack";
        csrf(Family.create().parent()).post(ack).then().statusCode(404).contentType(ContentType.HTML);
        page(f.parent()).contentType(ContentType.URLENC).formParam("x", "y").post(ack).then().statusCode(400);
        as(f.parent()).get("/api/parent/threads/" + thread + "/messages").then()
                .body("items[0].ackedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aReplyCanAskForAnAcknowledgement() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hi");
        page(f.parent()).get("/threads/" + thread).then().body(containsString("name=\"requestAck\""));
        csrf(f.parent()).post("/threads/" + thread + "/messages", "message", "Signed form attached", "requestAck",
                "true").then().statusCode(303);
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then()
                .body("items[0].ackRequested", org.hamcrest.Matchers.equalTo(true))
                .body("items[1].ackRequested", org.hamcrest.Matchers.equalTo(false));
        page(f.tutor()).get("/threads/" + thread).then().body(containsString("Please acknowledge"));
    }

    @Test
    void aNewThreadOffersOnlyTheStudentsTutorsAndStartsWithTheFirstMessage() {
        Family f = Family.create();
        Person otherTutor = Api.newUser("Other tutor", "TUTOR");
        Person secondChild = Api.newUser("Second child", "STUDENT");
        Api.enroll(f.admin(), secondChild, otherTutor);
        Api.link(f.admin(), f.parent(), secondChild);
        String step1 = page(f.parent()).get("/messages/new").then().statusCode(200).extract().asString();
        assertTrue(step1.contains(f.student().name()) && step1.contains(secondChild.name()), step1);
        assertTrue(step1.contains("method=\"get\"") && !step1.contains(f.tutor().name()), step1);
        String step2 = page(f.parent()).header("HX-Request", "true")
                .get("/messages/new/recipients?student=" + secondChild.id()).then().statusCode(200).extract()
                .asString();
        assertTrue(step2.contains(otherTutor.name()) && !step2.contains(f.tutor().name()), step2);
        assertTrue(step2.contains("method=\"post\"") && !step2.contains("<header"), step2);
        Csrf parent = csrf(f.parent());
        parent.post("/messages/new", "student", secondChild.id().toString(), "recipient", otherTutor.id().toString(),
                "message", "").then().statusCode(400).body(containsString("Write a message."));
        String location = parent.post("/messages/new", "student", secondChild.id().toString(), "recipient",
                otherTutor.id().toString(), "message", "Hello from the form").then().statusCode(303).extract()
                .header("Location");
        String thread = location.substring(location.lastIndexOf('/') + 1);
        as(otherTutor).get("/api/parent/threads/" + thread + "/messages").then()
                .body("items[0].message", org.hamcrest.Matchers.equalTo("Hello from the form"));
        // A tutor the student is not enrolled with is refused.
        parent.post("/messages/new", "student", secondChild.id().toString(), "recipient", f.tutor().id().toString(),
                "message", "Hi").then().statusCode(403);
        // A tutor picks the student, then the parent.
        page(f.tutor()).get("/messages/new?student=" + f.student().id()).then().statusCode(200)
                .body(allOf(containsString(f.parent().name()), containsString("<label for=\"recipient\">Parent")));
    }

    @Test
    void attachmentsForPagesTakeTheSessionCheckTheReaderAndAreCsrfChecked() {
        Family f = Family.create();
        String ticket = csrf(f.parent()).post("/attachments/uploads", "fileName", "a.png", "contentType",
                "image/png", "size", "12").then().statusCode(201).contentType(ContentType.JSON).extract()
                .path("attachmentUrl");
        assertTrue(ticket.startsWith("/api/attachments/"), ticket);
        page(f.parent()).contentType(ContentType.URLENC).formParam("fileName", "a.png")
                .formParam("contentType", "image/png").formParam("size", "12").post("/attachments/uploads")
                .then().statusCode(400);
        String id = ticket.substring(ticket.lastIndexOf('/') + 1);
        // The uploader may open a pending upload; anyone else learns nothing.
        page(f.parent()).redirects().follow(false).get("/attachments/" + id).then().statusCode(303)
                .header("X-Content-Type-Options", "nosniff");
        page(Family.create().parent()).redirects().follow(false).get("/attachments/" + id).then().statusCode(404)
                .contentType(ContentType.HTML);
        csrf(f.parent()).post("/attachments/uploads", "fileName", "x.html", "contentType", "text/html", "size", "5")
                .then().statusCode(400);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** A page request as this person (a bearer token; pages take it as well as the session). */
    static RequestSpecification page(Person who) {
        return RestAssured.given().auth().oauth2(who.token()).redirects().follow(false);
    }

    /** Form posts with the CSRF cookie and field, as a page's form sends them. */
    record Csrf(Person who, String token) {
        io.restassured.response.Response post(String path, String... fields) {
            RequestSpecification r = page(who).cookie("csrf-token", token).contentType(ContentType.URLENC)
                    .formParam("csrf-token", token);
            for (int i = 0; i < fields.length; i += 2) {
                r.formParam(fields[i], fields[i + 1]);
            }
            return r.post(path);
        }
    }

    static Csrf csrf(Person who) {
        return new Csrf(who, RestAssured.given().get("/").getCookie("csrf-token"));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in " + text);
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }
}
