package io.tutoring.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Signed access tokens as the test issuer would hand them out. */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";

    private Tokens() {
    }

    /** A token for the person, with their roles in the {@code groups} claim. */
    public static String of(Person person) {
        return sign(claims(person).groups(roles(person.roles())));
    }

    /**
     * A token whose roles sit in Keycloak's {@code realm_access.roles}, not in {@code groups}, issued for
     * {@code audience}.
     */
    public static String keycloakStyle(Person person, String audience) {
        return sign(claims(person).audience(audience).claim("realm_access",
                java.util.Map.of("roles", java.util.List.copyOf(roles(person.roles())))));
    }

    /** A token for the person with extra claims (for example {@code email_verified}). */
    public static String withClaims(Person person, java.util.Map<String, Object> extra) {
        JwtClaimsBuilder b = claims(person).groups(roles(person.roles()));
        extra.forEach(b::claim);
        return sign(b);
    }

    /** A token signed by the issuer but already expired. */
    public static String expired(Person person) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return claims(person).groups(roles(person.roles())).issuedAt(past - 600).expiresAt(past)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /** The claims of {@link #of}, to change before {@link #sign signing} (another expiry, issuer, audience). */
    public static JwtClaimsBuilder claimsOf(Person person) {
        return claims(person).groups(roles(person.roles()));
    }

    /** Signs with the issuer's key. */
    public static String sign(JwtClaimsBuilder b) {
        return b.jws().keyId("1").sign("privateKey.jwk");
    }

    private static JwtClaimsBuilder claims(Person person) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER).subject(person.subject()).claim("email", person.email())
                .claim("name", person.name());
        if (person.phone() != null) {
            b.claim("phone_number", person.phone());
        }
        return b;
    }

    private static Set<String> roles(String[] roles) {
        return Arrays.stream(roles).collect(Collectors.toSet());
    }
}
