package io.tutoring.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The token issuer for every test: quarkus-test-oidc-server serves discovery and the signing keys on a free port,
 * so the service checks real signatures. Declared once here, it applies to all tests.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class OidcServer {

    private OidcServer() {
    }
}
