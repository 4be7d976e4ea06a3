package io.tutoring.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * S3 pointed at a closed port: readiness is DOWN (503) with the S3 check down and the database still up, within the
 * check's timeout; liveness stays UP, so an orchestrator stops routing to the instance but does not restart it.
 */
@QuarkusTest
@TestProfile(S3DownReadinessTest.S3Down.class)
class S3DownReadinessTest {

    public static class S3Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.endpoint-override", "http://127.0.0.1:" + closedPort(),
                    "attachments.create-bucket", "false",
                    "attachments.readiness-timeout", "2S");
        }
    }

    @Test
    void notReadyButLiveWhileS3CannotBeReached() {
        RestAssured.get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 's3' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 's3' }.data.error", containsString("Connection refused"))
                .body("checks.find { it.name =~ /(?i)database/ }.status", equalTo("UP"));
        // Once warm (the first call loads the health and SDK classes), a probe answers within the S3 timeout (2 s).
        long started = System.nanoTime();
        RestAssured.get("/q/health/ready").then().statusCode(503);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat("readiness answered within the S3 timeout", millis, lessThan(4_000L));

        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** A port nothing listens on: bound once to find it free, then closed. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
