package io.tutoring.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * compose.yaml cannot be run here (no image registry), so this checks what can be checked without it: every
 * environment variable it gives the service is one the service reads, and the files it mounts or builds from exist.
 * A variable is read when application.properties names it in a {@code ${VAR}} expression, when it is the
 * environment form of a property there or of a Quarkus extension's property (from the extensions' config model on
 * the classpath), or when the AWS SDK's default credentials chain reads it.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Set<String> AWS_SDK = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");

    @Test
    void everyVariableGivenToTheServiceIsOneItReads() throws IOException {
        Map<String, String> env = appEnvironment();
        assertTrue(env.size() >= 10, "parsed " + env);
        Set<String> known = knownVariables();
        Set<String> unknown = new TreeSet<>(env.keySet());
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "variables in compose.yaml that the service does not read");
        // And the ones prod refuses to start without, or runs unsafely without, are all there.
        assertTrue(env.keySet().containsAll(Set.of("DB_URL", "OIDC_AUTH_SERVER_URL", "OIDC_AUDIENCE", "PUBLIC_URL",
                "OIDC_ROLES_CLAIM", "S3_ENDPOINT")), "" + env.keySet());
    }

    @Test
    void theFilesItMountsAndBuildsFromExist() throws IOException {
        String compose = Files.readString(ROOT.resolve("compose.yaml"));
        Matcher mounts = Pattern.compile("- (\\./[^:\\s]+):").matcher(compose);
        int found = 0;
        while (mounts.find()) {
            assertTrue(Files.isRegularFile(ROOT.resolve(mounts.group(1))), mounts.group(1));
            found++;
        }
        assertEquals(1, found, "the realm import");
        Matcher dockerfile = Pattern.compile("dockerfile: (\\S+)").matcher(compose);
        assertTrue(dockerfile.find());
        assertTrue(Files.isRegularFile(ROOT.resolve(dockerfile.group(1))), dockerfile.group(1));
    }

    /** The {@code environment:} map of the {@code app} service (the file keeps it in map form, two-space indents). */
    static Map<String, String> appEnvironment() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("compose.yaml"));
        Map<String, String> env = new LinkedHashMap<>();
        boolean inApp = false;
        boolean inEnv = false;
        for (String line : lines) {
            if (line.matches("^  [a-z0-9-]+:\\s*$")) {
                inApp = line.trim().equals("app:");
                inEnv = false;
            } else if (inApp && line.matches("^    [a-z_]+:.*")) {
                inEnv = line.trim().equals("environment:");
            } else if (inApp && inEnv && line.startsWith("      ") && !line.trim().startsWith("#")) {
                int colon = line.indexOf(':');
                env.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        assertFalse(env.isEmpty(), "no environment for the app service in compose.yaml");
        return env;
    }

    static Set<String> knownVariables() throws IOException {
        Set<String> known = new TreeSet<>(AWS_SDK);
        String properties = Files.readString(ROOT.resolve("src/main/resources/application.properties"));
        Matcher expressions = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(properties);
        while (expressions.find()) {
            known.add(expressions.group(1));
        }
        for (String line : properties.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                String key = line.substring(0, line.indexOf('=')).trim().replaceFirst("^%[a-z-]+\\.", "");
                known.add(envForm(key));
            }
        }
        for (URL model : Collections.list(ComposeFileTest.class.getClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
            try (InputStream in = model.openStream()) {
                Matcher names = Pattern.compile("\"environmentVariable\"\\s*:\\s*\"([A-Z0-9_]+)\"")
                        .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (names.find()) {
                    known.add(names.group(1));
                }
            }
        }
        assertTrue(known.contains("QUARKUS_MAILER_HOST"), "the extensions' config models were not found");
        return known;
    }

    /** How SmallRye Config maps a property name to an environment variable. */
    static String envForm(String property) {
        return property.replace("\"", "").replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
