package io.tutoring.users;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.tutoring.support.Person;
import io.tutoring.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

/**
 * Roles read from Keycloak's realm_access/roles when the claim path is configured so; with an audience configured,
 * tokens issued for another client are refused.
 */
@QuarkusTest
@TestProfile(KeycloakRolesClaimTest.RealmAccessRoles.class)
class KeycloakRolesClaimTest {

    static final String AUDIENCE = "parent-messaging";

    public static class RealmAccessRoles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.roles.role-claim-path", "realm_access/roles",
                    "quarkus.oidc.token.audience", AUDIENCE);
        }
    }

    @Test
    void rolesComeFromRealmAccess() {
        Person tutor = Person.of("Kim", "TUTOR");
        RestAssured.given().auth().oauth2(Tokens.keycloakStyle(tutor, AUDIENCE)).get("/api/me").then().statusCode(200)
                .body("roles", contains("TUTOR"));
        RestAssured.given().auth().oauth2(Tokens.keycloakStyle(tutor, AUDIENCE)).get("/api/parent/threads").then()
                .statusCode(200);
        // With this configuration the groups claim no longer grants anything.
        Person other = Person.of("Lee", "TUTOR");
        String groupsOnly = io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER).subject(other.subject())
                .audience(AUDIENCE).groups(java.util.Set.of("TUTOR")).jws().keyId("1").sign("privateKey.jwk");
        RestAssured.given().auth().oauth2(groupsOnly).get("/api/me").then().statusCode(200)
                .body("roles", empty());
        RestAssured.given().auth().oauth2(groupsOnly).get("/api/parent/threads").then().statusCode(403);
    }

    @Test
    void tokensForAnotherAudienceAreRefused() {
        Person tutor = Person.of("Max", "TUTOR");
        RestAssured.given().auth().oauth2(Tokens.keycloakStyle(tutor, "some-other-client")).get("/api/me").then()
                .statusCode(401);
        RestAssured.given().auth().oauth2(Tokens.of(tutor)).get("/api/me").then().statusCode(401);
    }
}
