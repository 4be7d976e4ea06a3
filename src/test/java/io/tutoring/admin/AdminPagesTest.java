package io.tutoring.admin;

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
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.sendOk;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin's pages over HTTP with bearer tokens (the page tenant takes them as the API does): who is refused and
 * how, finding threads by each kind of person, reading under the banner without stamping anything, the audit and
 * its paging, the 404 page, and escaping. The browser journey is AdminBrowserTest.
 */
@QuarkusTest
class AdminPagesTest {

    private static final List<String> PAGES = List.of("/admin", "/admin/threads/" + UUID.randomUUID(),
            "/admin/audit");

    @Test
    void aParentGetsThe403Page() {
        refused(newUser("Parent", "PARENT"));
    }

    @Test
    void aTutorGetsThe403Page() {
        refused(newUser("Tutor", "TUTOR"));
    }

    @Test
    void aStudentGetsThe403Page() {
        refused(newUser("Student", "STUDENT"));
    }

    @Test
    void anAnonymousBrowserIsSentToSignIn() {
        for (String path : PAGES) {
            RestAssured.given().redirects().follow(false).get(path).then().statusCode(303)
                    .header("Location", endsWith("/signin?next=" + path.replace("/", "%2F")));
        }
    }

    @Test
    void anAdminFindsAThreadByEachOfItsPeopleAndReadsItUnderTheBanner() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Can we move Thursday's lesson?");
        Family other = Family.create();
        String otherThread = sendOk(other.parent(), other.tutor(), other.student(), "Hello");

        // The search finds the parent by a part of the name and by the email, in any case.
        String byName = page(f.admin(), "/admin?q=" + suffix(f.parent()).toUpperCase());
        assertTrue(byName.contains("/admin?parentId=" + f.parent().id()), byName);
        assertFalse(byName.contains(other.parent().id().toString()), "only the people that match");
        assertTrue(page(f.admin(), "/admin?q=" + f.parent().email()).contains("/admin?parentId=" + f.parent().id()));
        assertTrue(page(f.admin(), "/admin?q=" + suffix(f.tutor())).contains("/admin?tutorId=" + f.tutor().id()));
        assertTrue(page(f.admin(), "/admin?q=" + suffix(f.student()))
                .contains("/admin?studentId=" + f.student().id()));
        assertTrue(page(f.admin(), "/admin?q=100%25_").contains("No parent, tutor or student matches"),
                "% and _ are looked for as themselves");

        for (String filter : List.of("parentId=" + f.parent().id(), "tutorId=" + f.tutor().id(),
                "studentId=" + f.student().id())) {
            String list = page(f.admin(), "/admin?" + filter);
            assertTrue(list.contains("href=\"/admin/threads/" + thread + "\""), list);
            assertFalse(list.contains(otherThread), filter);
            assertFalse(list.contains("Thursday"), "the list shows no message text: reading it is what is audited");
        }
        assertTrue(page(f.admin(), "/admin?parentId=" + f.parent().id()).contains("Conversations of "
                + f.parent().name() + ", as parent"));

        String read = page(f.admin(), "/admin/threads/" + thread);
        assertTrue(read.contains("This read is recorded and the family can see it"), read);
        assertTrue(read.contains("Can we move Thursday&#39;s lesson?") || read.contains("Can we move Thursday's"),
                read);
        assertTrue(read.contains(f.student().name() + " with " + f.tutor().name()), read);
        assertTrue(read.contains("Not read yet by the other side"), read);

        // Recorded, and nothing stamped read: the tutor still has the message unread.
        as(f.admin()).get("/api/admin/audit?threadId=" + thread).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].adminId", equalTo(f.admin().id().toString()))
                .body("items[0].action", equalTo("READ_MESSAGES"));
        as(f.tutor()).get("/api/parent/threads").then().statusCode(200)
                .body("items[0].threadId", equalTo(thread)).body("items[0].unreadCount", equalTo(1));

        String audit = page(f.admin(), "/admin/audit");
        assertTrue(audit.contains("href=\"/admin/threads/" + thread + "\""), audit);
        assertTrue(audit.contains(f.admin().name()), audit);
        assertTrue(audit.contains("Read the messages"), audit);
    }

    @Test
    void theAuditIsNewestFirstAndPaged() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "hi");
        Person second = Api.admin();
        for (int i = 0; i < 20; i++) {
            as(f.admin()).get("/api/admin/threads/" + thread + "/messages").then().statusCode(200);
        }
        page(second, "/admin/threads/" + thread);
        String first = page(f.admin(), "/admin/audit?threadId=" + thread);
        String rows = first.substring(first.indexOf("<tbody>"));
        assertTrue(rows.indexOf(second.name()) >= 0 && rows.indexOf(second.name()) < rows.indexOf(f.admin().name()),
                "newest first");
        assertEquals(20, count(first, "<tr>") - 1, "one page of 20 entries under the header row");
        String next = page(f.admin(), link(first, "/admin/audit?threadId=" + thread + "&amp;cursor="));
        assertEquals(1, count(next, "<tr>") - 1, next);
        assertFalse(next.contains("Older entries"), "the last page");
    }

    @Test
    void aTutorsThreadsAndALongThreadArePaged() {
        Classroom classroom = Classroom.of(21);
        List<String> threads = classroom.parentsWrite();
        Person admin = classroom.admin();
        String first = page(admin, "/admin?tutorId=" + classroom.tutor().id());
        assertEquals(20, count(first, "class=\"admin-thread\""));
        assertTrue(first.contains(threads.get(20)) && !first.contains(threads.get(0)), "newest activity first");
        String next = page(admin, link(first, "/admin?tutorId=" + classroom.tutor().id() + "&amp;cursor="));
        assertEquals(1, count(next, "class=\"admin-thread\""));
        assertTrue(next.contains(threads.get(0)), next);

        Family f = classroom.family(0);
        for (int i = 1; i <= 20; i++) {
            sendOk(f.parent(), f.tutor(), f.student(), "Message " + i);
        }
        // 21 messages: the latest 20, oldest first, then the oldest one on the page before.
        String latest = page(admin, "/admin/threads/" + threads.get(0));
        assertEquals(20, count(latest, "class=\"admin-message "));
        assertTrue(latest.indexOf("Message 1<") < latest.indexOf("Message 20<"), "oldest first");
        assertFalse(latest.contains("Hello 0"), latest);
        assertFalse(latest.contains("Latest messages"), "already the latest");
        String older = page(admin, link(latest, "/admin/threads/" + threads.get(0) + "?before="));
        assertEquals(1, count(older, "class=\"admin-message "));
        assertTrue(older.contains("Hello 0") && older.contains("Latest messages"), older);
    }

    @Test
    void aThreadThatDoesNotExistIsTheSame404PageAsAnUnknownPath() {
        Person admin = Api.admin();
        String unknown = main(RestAssured.given().get("/no-such-page").then().statusCode(404).extract().asString());
        for (String path : List.of("/admin/threads/" + UUID.randomUUID(), "/admin/threads/not-a-thread")) {
            String html = bearer(admin).get(path).then().statusCode(404).contentType(ContentType.HTML)
                    .extract().asString();
            assertEquals(unknown, main(html), path);
        }
        // Nothing was read, so nothing was recorded.
        as(admin).get("/api/admin/audit").then().statusCode(200)
                .body("items.adminId", not(org.hamcrest.Matchers.hasItem(admin.id().toString())));
    }

    @Test
    void whatPeopleWroteIsEscaped() {
        Person admin = Api.admin();
        Person parent = newUser("<script>alert(1)</script>", "PARENT");
        Person student = newUser("\"><img src=x onerror=alert(2)>", "STUDENT");
        Person tutor = newUser("Tutor", "TUTOR");
        Api.enroll(admin, student, tutor);
        Api.link(admin, parent, student);
        String thread = sendOk(parent, tutor, student, "<b>bold</b> \"><img src=x onerror=alert(3)>");
        for (String path : List.of("/admin?q=" + suffix(parent), "/admin?q=%3Cscript%3E", "/admin?parentId="
                + parent.id(), "/admin/threads/" + thread, "/admin/audit?threadId=" + thread)) {
            String html = page(admin, path);
            assertFalse(html.contains("<script>alert") || html.contains("<img src=x") || html.contains("<b>bold"),
                    path + ":\n" + html);
        }
        String read = page(admin, "/admin/threads/" + thread);
        assertTrue(read.contains("&lt;b&gt;bold&lt;/b&gt;"), read);
        assertTrue(read.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), read);
        assertFalse(read.contains("&amp;lt;"), "escaped once, not twice");
    }

    @Test
    void adminPagesCarryTheSecurityHeaders() {
        bearer(Api.admin()).get("/admin").then().statusCode(200)
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline"))))
                .header("Cache-Control", "no-store");
    }

    private static void refused(Person who) {
        for (String path : PAGES) {
            String html = bearer(who).get(path).then().statusCode(403).contentType(ContentType.HTML)
                    .extract().asString();
            assertTrue(html.contains("You cannot open this page") && html.contains("<main id=\"main\""),
                    path + ":\n" + html);
        }
    }

    /** A page as this person, expecting 200 and HTML. */
    private static String page(Person who, String path) {
        return bearer(who).get(path).then().statusCode(200).contentType(ContentType.HTML).extract().asString();
    }

    private static RequestSpecification bearer(Person who) {
        return RestAssured.given().auth().oauth2(who.token()).redirects().follow(false).urlEncodingEnabled(false);
    }

    /** The random part of a test person's name, unique to them. */
    private static String suffix(Person who) {
        return who.name().substring(who.name().lastIndexOf(' ') + 1);
    }

    /** The href in the page that starts with {@code start} (as written in the HTML), as a path to request. */
    private static String link(String html, String start) {
        int at = html.indexOf(start);
        assertTrue(at >= 0, "no link " + start + " in:\n" + html);
        return html.substring(at, html.indexOf('"', at)).replace("&amp;", "&");
    }

    private static int count(String html, String what) {
        return html.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    private static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }
}
