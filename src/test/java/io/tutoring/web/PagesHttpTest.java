package io.tutoring.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tutoring.support.Api;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page plumbing over plain HTTP (no browser): security headers, error pages versus problem+json, the way to
 * the login page, CSRF refusals, and that the bearer API is untouched by any of it.
 */
@QuarkusTest
class PagesHttpTest {

    @Test
    void pagesCarryTheSecurityHeaders() {
        Response home = RestAssured.given().redirects().follow(false).get("/");
        home.then().statusCode(200).contentType(ContentType.HTML)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                        containsString("script-src 'self'"), containsString("style-src 'self'"),
                        containsString("frame-ancestors 'none'"), containsString("object-src 'none'"),
                        not(containsString("unsafe-inline")), not(containsString("unsafe-eval"))));
        // No inline script or style in the page itself (the CSP would block them anyway).
        String html = home.asString();
        assertTrue(!html.contains("<script>") && !html.contains("style=") && !html.contains("<style"), html);
        String csrfCookie = home.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("csrf-token=")).findFirst().orElseThrow();
        assertTrue(csrfCookie.toLowerCase().contains("httponly"), csrfCookie);
        assertTrue(csrfCookie.contains("SameSite=Lax"), csrfCookie);
        // The JSON API gets the same headers.
        Api.anonymous().get("/api/me").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void unknownPageIsAPageButUnknownApiPathIsProblemJson() {
        RestAssured.given().get("/no-such-page").then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("We could not find that page"), containsString("<main id=\"main\""),
                        containsString("href=\"/\""));
        Api.anonymous().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void notFoundFromAServiceIsTheSamePageAsAnUnknownPath() {
        String fromService = main(RestAssured.given().get("/test-only/fail/not-found").then().statusCode(404)
                .contentType(ContentType.HTML).extract().asString());
        String unknown = main(RestAssured.given().get("/no-such-page").then().statusCode(404)
                .extract().asString());
        assertEquals(unknown, fromService);
        assertTrue(!fromService.contains("0b8f6a55"), "the page must not echo what was looked for");
    }

    @Test
    void domainFailuresBecomePagesWithWhatToDoNext() {
        RestAssured.given().get("/test-only/fail/conflict").then().statusCode(409).contentType(ContentType.HTML)
                .body(containsString("This was already done, or cannot be done now"),
                        containsString("This invite was already accepted"));
        RestAssured.given().get("/test-only/fail/rate-limited").then().statusCode(429)
                .contentType(ContentType.HTML).header("Retry-After", "90")
                .body(containsString("Too many tries"), containsString("try again"));
    }

    @Test
    void anUnexpectedFailureIsAPageWithoutItsText() {
        String html = RestAssured.given().get("/test-only/fail/bug").then().statusCode(500)
                .contentType(ContentType.HTML).extract().asString();
        assertTrue(html.contains("Sorry, something went wrong on our side"), html);
        assertTrue(!html.contains("hunter2") && !html.contains("IllegalStateException") && !html.contains("at io."),
                html);
    }

    @Test
    void aWrongMethodIsAPage() {
        Response home = RestAssured.given().get("/");
        String token = home.getCookie("csrf-token");
        RestAssured.given().cookie("csrf-token", token).header("X-CSRF-TOKEN", token).put("/").then()
                .statusCode(405).contentType(ContentType.HTML)
                .body(containsString("That page does not accept this request"));
    }

    @Test
    void signedOutPagesLeadToTheLoginAndHtmxIsToldToGoThere() {
        RestAssured.given().redirects().follow(false).get("/messages?unread=true").then().statusCode(303)
                .header("Location", endsWithPath("/signin?next=%2Fmessages%3Funread%3Dtrue"))
                .header("WWW-Authenticate", nullValue());
        RestAssured.given().redirects().follow(false).header("HX-Request", "true")
                .header("HX-Current-URL", "http://localhost/messages?unread=true").get("/messages")
                .then().statusCode(401)
                .header("HX-Redirect", "/signin?next=%2Fmessages%3Funread%3Dtrue");
        // Only the path of the page counts, and never one that leaves the site after signing in.
        RestAssured.given().redirects().follow(false).header("HX-Request", "true")
                .header("HX-Current-URL", "https://evil.example/family").get("/messages").then().statusCode(401)
                .header("HX-Redirect", "/signin?next=%2Ffamily");
        RestAssured.given().redirects().follow(false).header("HX-Request", "true")
                .header("HX-Current-URL", "https://evil.example//evil.example/x").get("/messages").then()
                .statusCode(401).header("HX-Redirect", "/signin");
    }

    @Test
    void unsafePageRequestsWithoutTheCsrfTokenAreRefused() {
        Response home = RestAssured.given().get("/");
        String token = home.getCookie("csrf-token");
        // A form without the token, with a wrong one, and a non-form body that would skip the form check.
        RestAssured.given().cookie("csrf-token", token).contentType(ContentType.URLENC).formParam("x", "1")
                .post("/signout").then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("That did not work"));
        RestAssured.given().cookie("csrf-token", token).contentType(ContentType.URLENC)
                .formParam("csrf-token", "A" + token.substring(1)).post("/signout").then().statusCode(400);
        RestAssured.given().cookie("csrf-token", token).contentType(ContentType.TEXT).body("x").post("/signout")
                .then().statusCode(400);
        RestAssured.given().cookie("csrf-token", token).contentType(ContentType.JSON).body("{}").post("/signout")
                .then().statusCode(400);
        // With the token, signing out of no session just goes home.
        RestAssured.given().redirects().follow(false).cookie("csrf-token", token).contentType(ContentType.URLENC)
                .formParam("csrf-token", token).post("/signout").then().statusCode(303)
                .header("Location", endsWithPath("/"));
    }

    @Test
    void theBearerApiIsNotAskedForCsrfTokens() {
        Person parent = Api.newUser("Pat", "PARENT");
        // A JSON POST, and a bodiless PUT/DELETE, with a bearer token and no CSRF cookie or header.
        Api.as(parent).body(Map.of("fileName", "a.png", "contentType", "image/png", "size", 10))
                .post("/api/attachments").then().statusCode(201).body("attachmentUrl", startsWith("/api/attachments/"));
        Person tutor = Api.newUser("Tia", "TUTOR");
        RestAssured.given().auth().oauth2(tutor.token()).delete("/api/tutor/threads/" + java.util.UUID.randomUUID() + "/pin").then()
                .statusCode(equalTo(404)).contentType("application/problem+json");
        // Without a token the API still answers 401 problem+json, never a redirect to a login page.
        Api.anonymous().redirects().follow(false).get("/api/parent/threads").then().statusCode(401)
                .contentType("application/problem+json").header("Location", nullValue());
        Api.anonymous().redirects().follow(false).header("HX-Request", "true").get("/api/parent/threads").then()
                .statusCode(401).contentType("application/problem+json").header("HX-Redirect", nullValue());
    }

    @Test
    void staticFilesAndHtmxAreServed() {
        RestAssured.given().get("/assets/app.js").then().statusCode(200).body(containsString("X-CSRF-TOKEN"));
        RestAssured.given().get("/assets/app.css").then().statusCode(200);
        RestAssured.given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        RestAssured.given().get("/webjars/htmx-ext-sse/sse.js").then().statusCode(200);
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.endsWith(path);
    }

    private static String main(String html) {
        int start = html.indexOf("<main");
        int end = html.indexOf("</main>");
        return html.substring(start, end);
    }
}
