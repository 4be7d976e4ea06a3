package io.tutoring.papertrail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tutoring.support.Api;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.sendOk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paper trail's pages over plain HTTP (a bearer token stands in for the page session: the pages take either):
 * a thread's history with its admin reads, the downloads of its export, and the refusals as pages.
 */
@QuarkusTest
class PaperTrailPagesHttpTest {

    @Test
    void theHistoryShowsTheFamilysStepsAndEveryAdminReadToBothSides() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello <b>there</b>");
        as(f.admin()).get("/api/admin/threads/" + thread + "/messages").then().statusCode(200);
        for (Person who : List.of(f.parent(), f.tutor())) {
            String html = page(who).get("/threads/" + thread + "/history").then().statusCode(200)
                    .contentType(ContentType.HTML).extract().asString();
            assertTrue(html.contains("Lessons with the tutor started"), html);
            assertTrue(html.contains("Parent and student were linked"), html);
            assertTrue(html.contains("An administrator read the messages")
                    && html.contains("(" + f.admin().name() + ")"), html);
            assertTrue(html.contains("Administrator reads of this conversation: 1."), html);
            assertTrue(html.contains("history__entry--admin") && html.contains("<time datetime=\""), html);
            assertTrue(html.contains("href=\"/threads/" + thread + "/export?format=pdf\""), html);
        }
        // The thread page links the history and the downloads.
        page(f.parent()).get("/threads/" + thread).then().statusCode(200)
                .body(containsString("href=\"/threads/" + thread + "/history\""),
                        containsString("href=\"/threads/" + thread + "/export?format=json\""),
                        containsString("Download (PDF)"));
    }

    @Test
    void theHistoryWithoutAdminReadsSaysSo() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        page(f.parent()).get("/threads/" + thread + "/history").then().statusCode(200)
                .body(containsString("No administrator has read this conversation."),
                        not(containsString("history__entry--admin")));
    }

    @Test
    void theDownloadsStreamTheSameExportWithThePageSession() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        var json = page(f.parent()).get("/threads/" + thread + "/export?format=json").then().statusCode(200)
                .contentType(ContentType.JSON).header("Content-Disposition", containsString("attachment"))
                .extract().jsonPath();
        assertEquals("tutoring-paper-trail/1", json.getString("format"));
        assertEquals(1, json.getInt("messageCount"));
        byte[] pdf = page(f.tutor()).get("/threads/" + thread + "/export?format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
        // A format it does not know is the 400 page.
        page(f.parent()).accept("text/html").get("/threads/" + thread + "/export?format=docx").then()
                .statusCode(400);
    }

    @Test
    void aStrangersExportIsThe404PageAsForAThreadThatDoesNotExist() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Private");
        Person stranger = Family.create().parent();
        String theirs = page(stranger).accept("text/html").get("/threads/" + thread + "/export?format=pdf").then()
                .statusCode(404).contentType(ContentType.HTML).extract().asString();
        String missing = page(stranger).accept("text/html").get("/threads/" + UUID.randomUUID()
                + "/export?format=pdf").then().statusCode(404).extract().asString();
        assertEquals(main(missing), main(theirs));
        assertTrue(!theirs.contains("Private"), theirs);
        page(Family.create().tutor()).get("/threads/" + thread + "/export?format=json").then().statusCode(404);
    }

    @Test
    void anotherFamilysHistoryIsThe404PageAndAStudentIsRefused() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Private");
        String theirs = page(Family.create().parent()).get("/threads/" + thread + "/history").then()
                .statusCode(404).contentType(ContentType.HTML).extract().asString();
        String missing = page(f.parent()).get("/threads/" + UUID.randomUUID() + "/history").then()
                .statusCode(404).extract().asString();
        assertEquals(main(missing), main(theirs));
        page(f.student()).get("/threads/" + thread + "/history").then().statusCode(403)
                .contentType(ContentType.HTML);
        page(f.student()).get("/threads/" + thread + "/export?format=json").then().statusCode(403);
    }

    @Test
    void anUnlinkedParentNoLongerSeesTheHistoryOrExports() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        Api.unlink(f.admin(), f.parent(), f.student());
        page(f.parent()).get("/threads/" + thread + "/history").then().statusCode(403);
        page(f.parent()).get("/threads/" + thread + "/export?format=pdf").then().statusCode(403);
        page(f.tutor()).get("/threads/" + thread + "/history").then().statusCode(200)
                .body(containsString("An administrator removed the link"));
    }

    private static RequestSpecification page(Person who) {
        return RestAssured.given().auth().oauth2(who.token()).redirects().follow(false);
    }

    private static String main(String html) {
        assertTrue(html.contains("<main"), html);
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }
}
