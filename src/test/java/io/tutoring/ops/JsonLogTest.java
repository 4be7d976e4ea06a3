package io.tutoring.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tutoring.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON log format that prod writes to the console (quarkus-logging-json), written here to a file so the test can
 * read it: one JSON object per line, with level, logger, message, timestamp and the request id in {@code mdc}.
 */
@QuarkusTest
@TestProfile(JsonLogTest.JsonLogs.class)
class JsonLogTest {

    static final Path LOG = Path.of("target", "json-log-test.log").toAbsolutePath();

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "true");
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyLineIsAJsonObjectAndRequestLinesCarryTheRequestId() throws IOException {
        String requestId = "json-" + UUID.randomUUID();
        as(Person.of("Jo", "STUDENT")).header("X-Request-Id", requestId)
                .body(Map.of("parentEmail", "parent-" + UUID.randomUUID() + "@example.org"))
                .post("/api/student/parent-invites").then().statusCode(202);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LOG)) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line)); // throws on a line that is not JSON
            }
        }
        assertFalse(lines.isEmpty());
        assertTrue(lines.stream().allMatch(JsonNode::isObject));
        assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().contains("started in")),
                "the start-up line is there too");

        JsonNode mailed = lines.stream().filter(l -> l.path("message").asText().startsWith("Emailed invite"))
                .findFirst().orElseThrow(() -> new AssertionError("no invite line in " + lines));
        assertEquals(requestId, mailed.path("mdc").path("requestId").asText());
        assertEquals("INFO", mailed.path("level").asText());
        assertEquals("io.tutoring.invites.InviteMail", mailed.path("loggerName").asText());
        assertFalse(mailed.path("timestamp").asText().isEmpty());
    }
}
