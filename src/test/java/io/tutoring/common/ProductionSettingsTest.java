package io.tutoring.common;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 9: the prod profile's start-up check. Unit-tested on the rule (the packaged jar was also run by hand,
 * see the README's configuration section); {@code ProductionSettings.check} applies it in the prod launch mode only.
 */
class ProductionSettingsTest {

    private static final Map<String, String> SAFE = Map.of(
            "quarkus.oidc.auth-server-url", "https://sso.example.com/realms/tutoring",
            "quarkus.oidc.token.audience", "parent-messaging",
            "invites.public-url", "https://tutoring.example.com",
            "notifications.unsubscribe.secret", "prod-unsubscribe-secret-0123456789abcdef");

    private static Optional<String> refusal(Map<String, String> config, boolean optedOut) {
        return ProductionSettings.refusal(name -> Optional.ofNullable(config.get(name)), optedOut);
    }

    private static Map<String, String> without(String property) {
        Map<String, String> config = new HashMap<>(SAFE);
        config.remove(property);
        return config;
    }

    @Test
    void startsWithTheIssuerTheAudienceAndThePublicUrl() {
        assertEquals(Optional.empty(), refusal(SAFE, false));
    }

    @Test
    void eachMissingSettingIsNamedByItsEnvVar() {
        Map<String, String> envOf = Map.of("quarkus.oidc.auth-server-url", "OIDC_AUTH_SERVER_URL",
                "quarkus.oidc.token.audience", "OIDC_AUDIENCE", "invites.public-url", "PUBLIC_URL",
                "notifications.unsubscribe.secret", "UNSUBSCRIBE_SECRET");
        envOf.forEach((property, env) -> {
            String message = refusal(without(property), false).orElseThrow(() -> new AssertionError(
                    "starts without " + env));
            assertTrue(message.startsWith("Refusing to start in production without " + env + "."), message);
            assertTrue(message.contains("Set " + env + ": "), message);
            assertTrue(message.contains("ALLOW_UNSAFE_DEFAULTS=true"), "says how to opt out: " + message);
        });
    }

    @Test
    void blankCountsAsMissingAndAllMissingAreListed() {
        Map<String, String> config = new HashMap<>(SAFE);
        config.put("quarkus.oidc.token.audience", "  ");
        config.remove("invites.public-url");
        config.remove("quarkus.oidc.auth-server-url");
        config.put("notifications.unsubscribe.secret", "");
        String message = refusal(config, false).orElseThrow();
        assertTrue(message.startsWith(
                "Refusing to start in production without OIDC_AUTH_SERVER_URL, OIDC_AUDIENCE, PUBLIC_URL, "
                        + "UNSUBSCRIBE_SECRET."), message);
        assertEquals(List.of("OIDC_AUTH_SERVER_URL", "OIDC_AUDIENCE", "PUBLIC_URL", "UNSUBSCRIBE_SECRET"),
                ProductionSettings.missing(name -> Optional.ofNullable(config.get(name))).stream()
                        .map(ProductionSettings.Required::env).toList());
    }

    @Test
    void theExplicitOptOutStartsAnyway() {
        assertEquals(Optional.empty(), refusal(Map.of(), true));
    }
}
