package io.tutoring.hardening;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tutoring.support.Person;
import io.tutoring.support.Tokens;
import jakarta.inject.Inject;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static io.tutoring.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11 item 2 for what comes from the token: a name or email claim that PostgreSQL could not store as sent (an
 * unpaired surrogate would come back as {@code ?}, NUL is refused) never reaches the service: the token check refuses
 * the token (401 problem+json) and no user row is written; the same person with clean claims signs in.
 */
@QuarkusTest
class StoredClaimsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aClaimThatCannotBeStoredNeverReachesTheServiceAndNothingIsStored() throws Exception {
        Person person = Person.of("Claims", "PARENT");
        // Signed by hand: libraries that build tokens write a lone surrogate as "?"; an identity provider's JSON may
        // carry the escape itself. The token check refuses it, as it refuses NUL, before any of our code runs.
        for (String[] bad : new String[][]{{"name", "lone \\ud800 high"}, {"email", "lone \\udc00@example.org"},
                {"name", "nul \\u0000 inside"}}) {
            problem(RestAssured.given().auth().oauth2(rawToken(person, bad[0], bad[1])).get("/api/me").then(), 401);
        }
        assertEquals(0, usersWithSubject(person.subject()));

        // The same hand-signed token with clean claims is accepted: what the others are refused for is the claim.
        RestAssured.given().auth().oauth2(rawToken(person, "name", "Clean Name")).get("/api/me").then().statusCode(200);
        assertEquals(1, usersWithSubject(person.subject()));
    }

    /** A token of the test issuer whose {@code field} claim is {@code escapedJson} as written in the JSON. */
    private static String rawToken(Person person, String field, String escapedJson) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String name = field.equals("name") ? escapedJson : person.name();
        String email = field.equals("email") ? escapedJson : person.email();
        String payload = "{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"" + person.subject() + "\",\"email\":\""
                + email + "\",\"name\":\"" + name + "\",\"groups\":[\"PARENT\"],\"iat\":" + now
                + ",\"exp\":" + (now + 300) + "}";
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue("1");
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("privateKey.jwk")) {
            jws.setKey(((RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8))).getRsaPrivateKey());
        }
        return jws.getCompactSerialization();
    }

    private int usersWithSubject(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) as n from app_user where subject = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt("n");
            }
        }
    }
}
