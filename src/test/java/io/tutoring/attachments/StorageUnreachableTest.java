package io.tutoring.attachments;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.Api;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * S3 at an address where nothing listens: presigning an upload needs no connection, but checking the upload when
 * the message is sent does, and fails. The sender gets a 503 problem with Retry-After, and nothing is stored.
 */
@QuarkusTest
@TestProfile(StorageUnreachableTest.ClosedPort.class)
class StorageUnreachableTest {

    /** The tests' S3 server is left out; the client points at a port that was free a moment ago. */
    public static class ClosedPort extends WithoutTestStore {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.endpoint-override", "http://127.0.0.1:" + closedPort(),
                    "quarkus.s3.path-style-access", "true",
                    "quarkus.s3.aws.credentials.type", "static",
                    "quarkus.s3.aws.credentials.static-provider.access-key-id", "test-access-key",
                    "quarkus.s3.aws.credentials.static-provider.secret-access-key", "test-secret-key",
                    "attachments.bucket", "nowhere");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void sendingWithAnAttachmentWhileS3IsUnreachableIsA503AndStoresNothing() {
        Person admin = Api.admin();
        Person parent = Api.newUser("Una", "PARENT");
        Person tutor = Api.newUser("Ugo", "TUTOR");
        Person student = Api.newUser("Uma", "STUDENT");
        Api.enroll(admin, student, tutor);
        Api.link(admin, parent, student);

        // Presigning is local: the upload URL is issued even though nobody could upload to it.
        Uploads.Ticket ticket = Uploads.ticket(parent, "report.pdf", "application/pdf", Uploads.PDF.length);

        var answer = as(parent).body(Map.of("tutorId", tutor.id(), "studentId", student.id(),
                "message", "Here is the report", "attachmentUrl", ticket.attachmentUrl()))
                .post("/api/parent/messages").then();
        String detail = problem(answer, 503);
        answer.header("Retry-After", equalTo(String.valueOf(StorageFailures.RETRY_AFTER_SECONDS)))
                .body("title", equalTo("Service unavailable"));
        assertEquals("The file storage is unavailable; try again shortly", detail);

        as(parent).get("/api/parent/threads").then().statusCode(200).body("items", empty());
        as(tutor).get("/api/parent/threads").then().statusCode(200).body("items", empty());
        // Without the attachment the same message goes through: only the storage is down.
        Api.send(parent, tutor, student, "Here is the report").statusCode(201)
                .body("message", containsString("report"));
    }
}
