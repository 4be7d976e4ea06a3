package io.tutoring.users;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.tutoring.support.Person;
import io.tutoring.support.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cache of verified tokens when the issuer's keys change, and with an audience required: a token naming a key
 * OIDC does not know makes OIDC fetch the key set again, and that empties the cache; a token for another audience is
 * refused while the same person's token for this one is cached.
 */
@QuarkusTest
@TestProfile(TokenCacheKeyRotationTest.AudienceAndKeyRefresh.class)
class TokenCacheKeyRotationTest {

    static final String AUDIENCE = "parent-messaging";

    public static class AudienceAndKeyRefresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // OIDC fetches the key set again for every unknown key, not once per 10 minutes.
            return Map.of("quarkus.oidc.token.audience", AUDIENCE,
                    "quarkus.oidc.token.forced-jwk-refresh-interval", "0S");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void fetchingTheIssuersKeysAgainEmptiesTheCache() throws Exception {
        Person pat = Person.of("Pat", "PARENT");
        String token = Tokens.sign(Tokens.claimsOf(pat).audience(AUDIENCE));
        me(token).statusCode(200);
        double hits = count("tokens.cache.hits");
        me(token).statusCode(200);
        assertEquals(hits + 1, count("tokens.cache.hits"), "cached");

        double flushes = registry.get("tokens.cache.flushes").tag("reason", "keys").counter().count();
        // Signed with a key the issuer has not published (yet): its kid is not in the key set OIDC holds.
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String unknownKey = Tokens.claimsOf(pat).audience(AUDIENCE).jws().keyId("rotated")
                .sign(rsa.generateKeyPair().getPrivate());
        me(unknownKey).statusCode(401);
        assertEquals(flushes + 1, registry.get("tokens.cache.flushes").tag("reason", "keys").counter().count(),
                "OIDC fetched the key set");

        double misses = count("tokens.cache.misses");
        me(token).statusCode(200);
        assertEquals(misses + 1, count("tokens.cache.misses"), "verified again with the new key set");
        me(token).statusCode(200);
        assertEquals(hits + 2, count("tokens.cache.hits"), "and cached again");
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedWhileThisAudiencesIsCached() {
        Person kim = Person.of("Kim", "TUTOR");
        String token = Tokens.sign(Tokens.claimsOf(kim).audience(AUDIENCE));
        me(token).statusCode(200);
        me(token).statusCode(200);
        me(Tokens.sign(Tokens.claimsOf(kim).audience("some-other-client"))).statusCode(401);
        me(Tokens.of(kim)).statusCode(401);
    }

    private double count(String counter) {
        return registry.get(counter).counter().count();
    }

    private static ValidatableResponse me(String token) {
        return RestAssured.given().auth().oauth2(token).get("/api/me").then();
    }
}
