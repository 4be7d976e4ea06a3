package io.tutoring.web;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The cookies' Secure flag outside dev: the tests and dev mode run on plain http, so the browser tests cannot see
 * it; this reads application.properties as the prod profile does. (HttpOnly and SameSite=Lax are checked on the
 * real cookies by PagesHttpTest and ErrorPagesBrowserTest.)
 */
class CookieSettingsTest {

    @Test
    void cookiesAreSecureInProductionAndSameSiteLaxEverywhere() throws IOException {
        SmallRyeConfig prod = config("prod");
        assertEquals(Boolean.TRUE, prod.getValue("quarkus.oidc.authentication.cookie-force-secure", Boolean.class),
                "session and state cookies");
        assertEquals(Boolean.TRUE, prod.getValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class),
                "CSRF cookie");
        for (SmallRyeConfig config : new SmallRyeConfig[] {prod, config("dev")}) {
            assertEquals("lax", config.getValue("quarkus.oidc.authentication.cookie-same-site", String.class));
            assertEquals("Lax", config.getValue("quarkus.http.same-site-cookie.\"csrf-token\".value", String.class));
        }
        // Dev mode runs on http://localhost: a Secure cookie would never come back there.
        assertFalse(config("dev").getOptionalValue("quarkus.oidc.authentication.cookie-force-secure", Boolean.class)
                .orElse(false));
    }

    private static SmallRyeConfig config(String profile) throws IOException {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(CookieSettingsTest.class.getResource("/application.properties"),
                        250))
                .build();
    }
}
