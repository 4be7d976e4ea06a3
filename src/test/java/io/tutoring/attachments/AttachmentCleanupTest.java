package io.tutoring.attachments;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Family;
import io.tutoring.support.S3ProxyResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.tutoring.attachments.Uploads.PNG;
import static io.tutoring.attachments.Uploads.fetch;
import static io.tutoring.attachments.Uploads.open;
import static io.tutoring.attachments.Uploads.send;
import static io.tutoring.attachments.Uploads.upload;
import static io.tutoring.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cleanup job's logic, run at chosen instants instead of waiting a day. */
@QuarkusTest
class AttachmentCleanupTest {

    @Inject
    AttachmentCleanup cleanup;

    @Inject
    Clock clock;

    @Inject
    S3Client s3;

    @Test
    void uploadsNeverAttachedAreDeletedAfterADay() {
        Family f = Family.create();
        String pending = upload(f.parent(), "forgotten.png", "image/png", PNG);
        String attached = upload(f.parent(), "sent.png", "image/png", PNG);
        send(f.parent(), f.tutor(), f.student(), "with a file", attached).statusCode(201);
        Instant now = Instant.now(clock);

        cleanup.run(now.plus(Duration.ofHours(23)));
        open(f.parent(), pending).statusCode(303);
        s3.headObject(r -> r.bucket(S3ProxyResource.BUCKET).key("uploads/" + id(pending)));

        int deleted = cleanup.run(now.plus(Duration.ofHours(24)).plusSeconds(60));
        assertTrue(deleted >= 1, "deleted " + deleted);
        problem(open(f.parent(), pending), 404);
        problem(send(f.parent(), f.tutor(), f.student(), "too late", pending), 404);
        assertThrows(NoSuchKeyException.class,
                () -> s3.headObject(r -> r.bucket(S3ProxyResource.BUCKET).key("uploads/" + id(pending))));

        // What was sent stays, for both sides.
        String location = open(f.tutor(), attached).statusCode(303).extract().header("Location");
        assertArrayEquals(PNG, fetch(location).body());
    }

    private static String id(String attachmentUrl) {
        return attachmentUrl.substring(attachmentUrl.lastIndexOf('/') + 1);
    }
}
