package io.tutoring.support.browser;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.tutoring.support.S3ProxyResource;
import io.tutoring.support.SmtpServer;

import java.util.List;
import java.util.Map;

/**
 * The app as the browser tests see it: signing in goes through the login page of Quarkus' OIDC Dev Service (an
 * in-process identity provider that Quarkus starts for this profile) with dev mode's client id and users, against
 * the same real PostgreSQL, S3 (s3proxy) and SMTP (GreenMail) as the API tests. The API tests' token issuer
 * ({@code support/OidcServer}) is a global test resource that sets {@code quarkus.oidc.auth-server-url}; the dev
 * service starts only where that is unset, so this profile leaves the global resources out and names S3 and SMTP
 * itself. All browser tests share this profile, so the app starts once for all of them.
 */
public class BrowserProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.client-id", "parent-messaging",
                "quarkus.oidc.devservices.enabled", "true",
                "quarkus.oidc.devservices.roles.alice", "PARENT",
                "quarkus.oidc.devservices.roles.bob", "TUTOR",
                "quarkus.oidc.devservices.roles.carol", "STUDENT",
                "quarkus.oidc.devservices.roles.admin", "ADMIN");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class), new TestResourceEntry(SmtpServer.class));
    }
}
