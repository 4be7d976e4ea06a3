package io.tutoring.live;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /api/events with the pages' session cookie. The test issuer's code-flow stub signs in its user "alice" and wants
 * the client's credentials on the code exchange, so this profile gives the client a secret.
 */
@QuarkusTest
@TestProfile(LiveSessionTest.WithClientSecret.class)
class LiveSessionTest {

    public static class WithClientSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.credentials.secret", "secret");
        }
    }

    @TestHTTPResource("/api/events")
    URI events;

    /**
     * A browser's EventSource sends the pages' session cookie, not a bearer token: signed in through the code flow
     * (the test issuer's login stub), the cookie opens the stream, while the JSON API still refuses it.
     */
    @Test
    void thePagesSessionCookieOpensTheStream() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI toProvider = location(browser.send(HttpRequest.newBuilder(events.resolve("/signin")).build(),
                HttpResponse.BodyHandlers.ofString()));
        Map<String, String> query = query(toProvider);
        URI login = toProvider.resolve("/login?state=" + encode(query.get("state")) + "&redirect_uri="
                + encode(query.get("redirect_uri")));
        URI callback = location(browser.send(HttpRequest.newBuilder(login).build(),
                HttpResponse.BodyHandlers.ofString()));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(signedIn.statusCode() / 100 == 3, "signed in: " + signedIn.statusCode() + " " + signedIn.body());
        String cookie = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().startsWith("q_session"))
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        assertTrue(cookie.startsWith("q_session"), "a session cookie: " + cookies.getCookieStore().getCookies());

        try (SseClient stream = SseClient.open(SseClient.request(events).header("Cookie", cookie))) {
            assertEquals(200, stream.response().statusCode());
        }
        HttpResponse<String> api = SseClient.refused(HttpRequest.newBuilder(events.resolve("/api/me"))
                .header("Cookie", cookie));
        assertEquals(401, api.statusCode(), "the JSON API takes bearer tokens only");
    }

    private static URI location(HttpResponse<String> response) {
        assertTrue(response.statusCode() / 100 == 3, response.statusCode() + " " + response.body());
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
