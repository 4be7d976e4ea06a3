package io.tutoring.users;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.tutoring.support.Person;
import io.tutoring.support.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code tokens.cache.enabled=false}: every request's token is verified by OIDC and the cache never answers. */
@QuarkusTest
@TestProfile(TokenCacheOffTest.CacheOff.class)
class TokenCacheOffTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tokens.cache.enabled", "false");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void everyRequestIsVerifiedByOidc() {
        Person pat = Person.of("Pat", "PARENT");
        String token = Tokens.of(pat);
        for (int i = 0; i < 3; i++) {
            RestAssured.given().auth().oauth2(token).get("/api/me").then().statusCode(200)
                    .body("roles", contains("PARENT"));
        }
        RestAssured.given().auth().oauth2(Tokens.expired(pat)).get("/api/me").then().statusCode(401);
        assertEquals(0, registry.get("tokens.cache.hits").counter().count());
        assertEquals(0, registry.get("tokens.cache.misses").counter().count());
        assertEquals(0, registry.get("tokens.cache.size").gauge().value());
    }
}
