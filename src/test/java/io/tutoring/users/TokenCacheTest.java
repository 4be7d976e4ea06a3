package io.tutoring.users;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.tutoring.support.MovableClockTest;
import io.tutoring.support.Person;
import io.tutoring.support.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cache of verified bearer tokens (users/TokenCache) against the real test issuer: a repeated token is answered
 * from memory and behaves like a fresh one; whatever OIDC would refuse is still refused.
 */
@QuarkusTest
class TokenCacheTest extends MovableClockTest {

    @Inject
    MeterRegistry registry;

    @Test
    void theSameTokenAgainIsAHitAndAnswersLikeTheFirstTime() {
        Person pat = Person.of("Pat", "PARENT", "TUTOR");
        String token = Tokens.of(pat);
        Counts before = counts();
        String id = me(token).statusCode(200).body("roles", contains("PARENT", "TUTOR"))
                .body("email", equalTo(pat.email())).body("name", equalTo(pat.name())).extract().path("id");
        assertEquals(before.plus(0, 1), counts(), "the first request is verified by OIDC");

        me(token).statusCode(200).body("id", equalTo(id)).body("roles", contains("PARENT", "TUTOR"))
                .body("email", equalTo(pat.email())).body("name", equalTo(pat.name()));
        get(token, "/api/parent/threads").statusCode(200);
        get(token, "/api/admin/audit").statusCode(403);
        assertEquals(before.plus(3, 1), counts(), "later requests are answered from the cache, roles included");
    }

    @Test
    void anotherTokenForTheSameSubjectGivesItsOwnRoles() {
        Person kim = Person.of("Kim", "PARENT");
        String asParent = Tokens.of(kim);
        String asStudent = Tokens.sign(Tokens.claimsOf(kim).groups(Set.of("STUDENT")));
        Counts before = counts();
        me(asParent).statusCode(200).body("roles", contains("PARENT"));
        get(asParent, "/api/parent/threads").statusCode(200);
        me(asStudent).statusCode(200).body("roles", contains("STUDENT"));
        get(asStudent, "/api/parent/threads").statusCode(403);
        get(asParent, "/api/parent/threads").statusCode(200);
        assertEquals(before.plus(3, 2), counts());
    }

    @Test
    void aTokenWithAlteredBytesIsRefusedWhileTheGenuineOneIsCached() {
        Person lee = Person.of("Lee", "PARENT");
        String token = Tokens.of(lee);
        me(token).statusCode(200);
        me(token).statusCode(200);
        String[] parts = token.split("\\.");

        // One character in the middle of the signature (the last one may only carry padding bits).
        int at = parts[0].length() + 1 + parts[1].length() + 1 + parts[2].length() / 2;
        String badSignature = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        me(badSignature).statusCode(401);

        // The genuine signature on claims that grant more.
        String adminClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1])).replace("\"PARENT\"", "\"ADMIN\"").getBytes());
        me(parts[0] + "." + adminClaims + "." + parts[2]).statusCode(401);

        Counts before = counts();
        me(token).statusCode(200);
        assertEquals(before.plus(1, 0), counts(), "the genuine token is still cached");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedWhileTheGenuineOneIsCached() {
        Person max = Person.of("Max", "TUTOR");
        me(Tokens.of(max)).statusCode(200);
        me(Tokens.sign(Tokens.claimsOf(max).issuer("https://elsewhere.example.com"))).statusCode(401);
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() throws InterruptedException {
        Person sam = Person.of("Sam", "PARENT");
        long exp = System.currentTimeMillis() / 1000 + 2;
        String token = Tokens.sign(Tokens.claimsOf(sam).expiresAt(exp));
        Counts before = counts();
        me(token).statusCode(200);
        me(token).statusCode(200);
        assertEquals(before.plus(1, 1), counts(), "cached until its exp");

        Thread.sleep(Math.max(0, exp * 1000 - System.currentTimeMillis()) + 200);
        me(token).statusCode(401);
        assertEquals(before.plus(1, 2), counts(), "past its exp the cache no longer answers it");
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheMaxAge() {
        Person ada = Person.of("Ada", "PARENT");
        String token = Tokens.of(ada);
        Counts before = counts();
        me(token).statusCode(200);
        me(token).statusCode(200);
        clock.advance(Duration.ofSeconds(61));
        me(token).statusCode(200);
        me(token).statusCode(200);
        assertEquals(before.plus(2, 2), counts(), "verified, cached, verified again after 60 s, cached");
    }

    private ValidatableResponse me(String token) {
        return get(token, "/api/me");
    }

    private static ValidatableResponse get(String token, String path) {
        return RestAssured.given().auth().oauth2(token).get(path).then();
    }

    private Counts counts() {
        return new Counts((long) registry.get("tokens.cache.hits").counter().count(),
                (long) registry.get("tokens.cache.misses").counter().count());
    }

    record Counts(long hits, long misses) {
        Counts plus(long moreHits, long moreMisses) {
            return new Counts(hits + moreHits, misses + moreMisses);
        }
    }
}
