package io.tutoring.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Api;
import io.tutoring.support.Person;
import io.tutoring.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 4: the errors the HTTP layer raises before the application runs answer in the same problem+json
 * format as every other error: 413 for a body over the limit (411 for one sent chunked), 414 for a long URI, 431 for
 * huge headers, 400 or 415/406 for malformed headers that reach the service, 400 for a malformed path or query, 404
 * for a target that is not a path. Sent over a raw socket: no HTTP client sends these. What Netty's decoder itself
 * refuses (a header line it cannot parse, a request line or headers beyond Vert.x's limits) still gets Vert.x's bare
 * answer, pinned here as a known gap (see HttpGuards).
 */
@QuarkusTest
class HttpLimitsTest {

    private static final String BROWSER_ACCEPT = "Accept: text/html,application/xhtml+xml,*/*;q=0.8";

    private static String token;

    @BeforeEach
    void signIn() {
        if (token != null) {
            return;
        }
        Person parent = Api.newUser("Parent", "PARENT");
        token = parent.token();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413Problem() {
        byte[] body = jsonOfSize(70 * 1024);
        RawHttp.Answer answer = RawHttp.send("POST /api/parent/messages HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length, body);
        assertProblem(answer, 413);
    }

    /** A body without its length is refused up front: past the limit Quarkus would cut it off with a bare 413. */
    @Test
    void aChunkedBodyIsA411Problem() {
        byte[] json = jsonOfSize(70 * 1024);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int at = 0; at < json.length; at += 8192) {
            int n = Math.min(8192, json.length - at);
            chunked.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(json, at, n);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer answer = RawHttp.send("POST /api/parent/messages HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunked.toByteArray());
        assertProblem(answer, 411);
    }

    @Test
    void aLongUriIsA414Problem() {
        assertProblem(RawHttp.get("/api/parent/threads?cursor=" + "a".repeat(9000)), 414);
        assertProblem(RawHttp.get("/" + "a".repeat(9000)), 414);
    }

    @Test
    void hugeHeadersAreA431Problem() {
        assertProblem(RawHttp.get("/api/me", "Authorization: Bearer " + token, "X-Big: " + "b".repeat(40 * 1024)), 431);
        String[] many = new String[400];
        Arrays.setAll(many, i -> "X-Many-" + i + ": " + "m".repeat(100));
        assertProblem(RawHttp.get("/api/me", many), 431);
    }

    /**
     * Malformed headers that reach the service. (What Netty's decoder itself refuses, such as a line that is not a
     * header or a Content-Length that is not a number, gets Vert.x's bare 400 and a closed connection: Quarkus
     * offers no hook for that answer; see the README.)
     */
    @Test
    void malformedHeadersAreA400Problem() {
        assertProblem(RawHttp.send("POST /api/parent/messages HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: ;;;\r\nContent-Length: 2", "{}".getBytes(StandardCharsets.US_ASCII)), 400, 415);
        assertProblem(RawHttp.get("/api/me", "Authorization: Bearer " + token, "Accept: ;;;"), 400, 406);
    }

    /**
     * A target {@code java.net.URI} refuses, on every kind of path: the API, the pages, the management paths under
     * {@code /q/}, a path that exists nowhere, the absolute form. Quarkus used to answer these with a bare 400 before
     * any route; with its check off, Vert.x-Web would throw decoding such a path unless the guard answered first (a
     * bare 400 and a logged stack trace, or a 500 where a resource reads the query).
     */
    @Test
    void aMalformedPathOrQueryIsA400Problem() {
        for (String target : List.of("/%zz", "/a%2", "/api/me%", "/api/me?cursor=%zz", "/api/parent/threads/%zz",
                "/api/parent/threads?cursor=%G1", "/threads/%zz", "/messages?studentId=%zz", "/invite?x=%",
                "/q/health/%zz", "/nowhere|else", "/api/me?q={x}", "/api/me?q=x}", "/api/me#%zz", "/a[1]",
                "/api/me?q=\"x\"", "/api/me?q=<b>", "/a^b", "/a`b", "/a\\b", "http://localhost/%zz")) {
            RawHttp.Answer answer = RawHttp.get(target, "Authorization: Bearer " + token);
            assertProblem(answer, 400);
            assertNotNull(answer.header("x-request-id"), answer.toString());
            RawHttp.Answer browser = RawHttp.get(target, BROWSER_ACCEPT);
            if (target.startsWith("/api") || target.startsWith("/q/")) {
                assertProblem(browser, 400);
            } else {
                assertPage(browser, 400);
            }
        }
        // The same characters escaped are a request like any other.
        assertEquals(200, RawHttp.get("/api/me?q=%7Bx%7D%25zz%7C", "Authorization: Bearer " + token).status());
    }

    /** Vert.x-Web refuses a target that is not a path with a 404 before any route; it gets a body too. */
    @Test
    void aTargetThatIsNotAPathIsA404Problem() {
        assertProblem(RawHttp.get("api/me", "Authorization: Bearer " + token), 404);
        assertProblem(RawHttp.send("OPTIONS * HTTP/1.1", new byte[0]), 404);
        assertPage(RawHttp.get("messages", BROWSER_ACCEPT), 404);
    }

    /**
     * A browser asking for a page gets a page for every refusal the guards make, not problem+json (the API and the
     * management paths keep problem+json whatever they accept, as the other tests here show).
     */
    @Test
    void aBrowserRefusedBeforeTheApplicationRunsGetsAPage() {
        assertPage(RawHttp.get("/messages?cursor=" + "a".repeat(9000), BROWSER_ACCEPT), 414);
        assertPage(RawHttp.get("/messages", BROWSER_ACCEPT, "X-Big: " + "b".repeat(40 * 1024)), 431);
        assertPage(RawHttp.send("POST /settings HTTP/1.1\r\n" + BROWSER_ACCEPT
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + 70 * 1024,
                "a=".concat("b".repeat(70 * 1024 - 2)).getBytes(StandardCharsets.US_ASCII)), 413);
        assertProblem(RawHttp.get("/api/me?cursor=" + "a".repeat(9000), BROWSER_ACCEPT), 414);
    }

    /**
     * Known gap, not fixable from the application (see HttpGuards and the README): what Netty's decoder refuses goes
     * to Vert.x's default invalid-request handler, which Quarkus 3.33.2 gives the application no way to replace. This
     * pins today's bare answers; when it fails, a hook has appeared and these should become problem+json too.
     */
    @Test
    void whatNettysDecoderRefusesStillGetsVertxsBareAnswer() {
        byte[] two = "{}".getBytes(StandardCharsets.US_ASCII);
        assertBare(RawHttp.get("/api/me", "X-Broken"), 400);
        assertBare(RawHttp.get("/api/me", "X Bad: 1"), 400);
        assertBare(RawHttp.send("POST /api/parent/messages HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: abc", two), 400);
        assertBare(RawHttp.send("POST /api/parent/messages HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: 2\r\nContent-Length: 3", two), 400);
        assertBare(RawHttp.send("GET /api/me HTTP/9.x", new byte[0]), 400);
        assertBare(RawHttp.get("/" + "a".repeat(70 * 1024)), 414);
        assertBare(RawHttp.get("/api/me", "X-Big: " + "b".repeat(70 * 1024)), 431);
    }

    /** A page in the site's frame with the status and the way back to the start page; no problem+json. */
    private static void assertPage(RawHttp.Answer answer, int status) {
        String where = answer.toString();
        assertEquals(status, answer.status(), where);
        assertTrue(answer.header("content-type").startsWith("text/html"), where);
        assertTrue(answer.body().startsWith("<!DOCTYPE html>"), where);
        assertTrue(answer.body().contains(">Error " + status + "<"), where);
        assertTrue(answer.body().matches("(?s).*<h1>[^<]+</h1>.*"), where);
        assertTrue(answer.body().contains("<a class=\"button button--primary\" href=\"/\">"), where);
        assertFalse(answer.body().contains("\"status\""), where);
    }

    private static void assertBare(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.body().isEmpty(), answer.toString());
    }

    /** A problem+json answer with one of the statuses (the first when only one is given). */
    private static void assertProblem(RawHttp.Answer answer, int status, int... orStatus) {
        String where = answer.toString();
        if (orStatus.length > 0 && answer.status() != status) {
            assertTrue(java.util.Arrays.stream(orStatus).anyMatch(s -> s == answer.status()), where);
            status = answer.status();
        }
        assertEquals(status, answer.status(), where);
        assertNotNull(answer.header("content-type"), where);
        assertTrue(answer.header("content-type").startsWith("application/problem+json"), where);
        JsonNode problem = answer.json();
        assertEquals(status, problem.path("status").asInt(), where);
        assertFalse(problem.path("title").asText().isBlank(), where);
        assertFalse(problem.path("detail").asText().isBlank(), where);
    }

    private static byte[] jsonOfSize(int size) {
        String head = "{\"tutorId\":\"00000000-0000-0000-0000-000000000000\",\"studentId\":\"00000000-0000-0000-0000-000000000000\",\"message\":\"";
        return (head + "x".repeat(size - head.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
