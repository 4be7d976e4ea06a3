package io.tutoring.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * The token issuer for every test: quarkus-test-oidc-server serves discovery and the signing keys on a free port,
 * so the service checks real signatures. Declared once here, it applies to all tests but the browser tests, which
 * sign in through the OIDC Dev Service instead ({@code support/browser/BrowserProfile}).
 */
@QuarkusTestResource(OidcServer.Issuer.class)
public final class OidcServer {

    private OidcServer() {
    }

    /**
     * The wiremock issuer, and the configuration that points the service at it. It is given here and not in
     * application.properties so that a test profile without it (the browser tests) leaves auth-server-url unset,
     * which is what lets Quarkus start its OIDC Dev Service there.
     */
    public static class Issuer extends OidcWiremockTestResource {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus/");
            config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
            return config;
        }
    }
}
