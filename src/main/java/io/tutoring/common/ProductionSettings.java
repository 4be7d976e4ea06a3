package io.tutoring.common;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SPEC "Running it": in production the service refuses to start without the settings that make it safe — the OIDC
 * issuer, the audience tokens must carry, the public URL of magic links and the key of unsubscribe links (issue 13)
 * — with a message naming each missing env var. {@code ALLOW_UNSAFE_DEFAULTS=true} starts it anyway, with a warning (benchmarks, a local try of the jar).
 * Dev mode and the tests are not checked: they bring their own issuer and URL.
 */
@ApplicationScoped
public class ProductionSettings {

    /** The env var (and its property) that lets the prod profile start without the required settings. */
    public static final String OPT_OUT_ENV = "ALLOW_UNSAFE_DEFAULTS";
    static final String OPT_OUT = "startup.allow-unsafe-defaults";

    private static final Logger LOG = Logger.getLogger(ProductionSettings.class);

    /** A setting production needs: its env var, the property it feeds and what goes wrong without it. */
    record Required(String env, String property, String withoutIt) {
    }

    static final List<Required> REQUIRED = List.of(
            new Required("OIDC_AUTH_SERVER_URL", "quarkus.oidc.auth-server-url",
                    "the token issuer's URL; without it no sign-in or bearer token can be checked"),
            new Required("OIDC_AUDIENCE", "quarkus.oidc.token.audience",
                    "the audience access tokens must carry; without it a token the issuer made for any other client "
                            + "of the realm is accepted"),
            new Required("PUBLIC_URL", "invites.public-url",
                    "the base URL of the web front end; without it magic links in invite mails point to "
                            + "http://localhost:8080"),
            new Required("UNSUBSCRIBE_SECRET", "notifications.unsubscribe.secret",
                    "the key of the unsubscribe links in notification mails (32+ characters, the same on every "
                            + "instance); without it each instance signs with its own random key, so a link works "
                            + "only on the instance that mailed it and only until that instance restarts"));

    void check(@Observes StartupEvent event, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        boolean optedOut = config.getOptionalValue(OPT_OUT, Boolean.class).orElse(false);
        Optional<String> refusal = refusal(name -> config.getOptionalValue(name, String.class), optedOut);
        if (refusal.isPresent()) {
            throw new ConfigurationException(refusal.get());
        }
        List<Required> missing = missing(name -> config.getOptionalValue(name, String.class));
        if (!missing.isEmpty()) {
            LOG.warnf("Starting without %s because %s=true: this is not safe in production",
                    missing.stream().map(Required::env).collect(Collectors.joining(", ")), OPT_OUT_ENV);
        }
    }

    /** The settings that {@code property} (a config lookup) does not give a non-blank value. */
    static List<Required> missing(Function<String, Optional<String>> property) {
        return REQUIRED.stream()
                .filter(r -> property.apply(r.property()).map(String::isBlank).orElse(true))
                .toList();
    }

    /** Why the prod profile must not start, or empty when it may (nothing missing, or the operator opted out). */
    static Optional<String> refusal(Function<String, Optional<String>> property, boolean optedOut) {
        List<Required> missing = missing(property);
        if (missing.isEmpty() || optedOut) {
            return Optional.empty();
        }
        return Optional.of("Refusing to start in production without " + missing.stream().map(Required::env)
                .collect(Collectors.joining(", ")) + ". " + missing.stream()
                .map(r -> "Set " + r.env() + ": " + r.withoutIt() + " (property " + r.property() + ").")
                .collect(Collectors.joining(" ")) + " To start anyway (never in production), set " + OPT_OUT_ENV
                + "=true.");
    }
}
