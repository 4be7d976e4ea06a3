package io.tutoring.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tutoring.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 1: any malformed {@code Authorization} header is a 401 problem+json, on every operation of the API
 * (taken from the OpenAPI document) and on a page, never a 500.
 */
@QuarkusTest
class MalformedAuthorizationTest {

    /** The malformed values: a name for the report, the raw header value (sent as UTF-8 bytes). */
    static List<String[]> headers() {
        return List.of(
                new String[] {"one dot", "Bearer ."},
                new String[] {"two dots", "Bearer .."},
                new String[] {"four dots", "Bearer ...."},
                new String[] {"scheme alone", "Bearer"},
                new String[] {"scheme and a space", "Bearer "},
                new String[] {"lower-case scheme, dots", "bearer .."},
                new String[] {"basic", "Basic x"},
                new String[] {"basic credentials", "Basic dXNlcjpwYXNzd29yZA=="},
                new String[] {"another scheme", "Negotiate YIIBhgYGKwYBBQUCoIIBejCCAXag"},
                new String[] {"two segments", "Bearer abc.def"},
                new String[] {"garbage segments", "Bearer abc.def.ghi"},
                new String[] {"empty signature, alg none", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."},
                new String[] {"header not JSON", "Bearer bm90IGpzb24.e30.c2ln"},
                new String[] {"five segments", "Bearer a.b.c.d.e"},
                new String[] {"non-ASCII", "Bearer \u00e9t\u00e9.\u00e9t\u00e9.\u00e9t\u00e9"},
                new String[] {"very long", "Bearer " + "a".repeat(6000) + "." + "b".repeat(6000) + ".c"},
                new String[] {"two tokens", "Bearer abc.def.ghi jkl.mno.pqr"},
                new String[] {"two credentials", "Bearer abc.def.ghi, Bearer jkl.mno.pqr"},
                new String[] {"tab instead of space", "Bearer\t.."});
    }

    record Operation(String method, String path) {
    }

    private static List<Operation> operations;

    @BeforeEach
    void operations() {
        if (operations != null) {
            return;
        }
        JsonNode doc = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().as(JsonNode.class);
        operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    operations.add(new Operation(method.toUpperCase(), concrete));
                }
            }
        }
        // A page too: pages and the API share the OIDC tenant.
        operations.add(new Operation("GET", "/"));
        assertTrue(operations.size() > 20, "the OpenAPI document lists the API: " + operations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void aMalformedAuthorizationHeaderIsA401ProblemEverywhere(String name, String value) {
        for (Operation op : operations) {
            assertUnauthorized(op, "Authorization: " + value);
        }
    }

    @Test
    void twoAuthorizationHeadersAreA401() {
        for (Operation op : operations) {
            assertUnauthorized(op, "Authorization: Bearer abc.def.ghi\r\nAuthorization: Bearer jkl.mno.pqr");
        }
    }

    private static void assertUnauthorized(Operation op, String headerLines) {
        boolean body = op.method().equals("POST") || op.method().equals("PUT") || op.method().equals("PATCH");
        String head = op.method() + " " + op.path() + " HTTP/1.1\r\n" + headerLines
                + "\r\nAccept: application/json"
                + (body ? "\r\nContent-Type: application/json\r\nContent-Length: 2" : "");
        RawHttp.Answer answer = RawHttp.send(head, body ? "{}".getBytes(StandardCharsets.US_ASCII) : new byte[0]);
        String where = op.method() + " " + op.path() + " with " + abbreviate(headerLines) + ": " + answer;
        assertEquals(401, answer.status(), where);
        assertNotNull(answer.header("content-type"), where);
        assertTrue(answer.header("content-type").startsWith("application/problem+json"), where);
        JsonNode problem = answer.json();
        assertEquals(401, problem.path("status").asInt(), where);
        assertFalse(problem.path("detail").asText().isBlank(), where);
        assertTrue(answer.header("www-authenticate") != null
                && answer.header("www-authenticate").startsWith("Bearer"), where);
        assertFalse(answer.body().contains("Exception"), where);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
