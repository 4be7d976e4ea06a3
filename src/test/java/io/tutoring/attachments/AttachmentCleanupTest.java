package io.tutoring.attachments;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.tutoring.attachments.Uploads.PNG;
import static io.tutoring.attachments.Uploads.fetch;
import static io.tutoring.attachments.Uploads.open;
import static io.tutoring.attachments.Uploads.send;
import static io.tutoring.attachments.Uploads.upload;
import static io.tutoring.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Inject
    AttachmentQueries queries;

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

    /**
     * Two instances running the cleanup at once: while one holds its claimed batch (its transaction open), the other
     * claims the remaining rows without waiting, and no row is claimed twice.
     */
    @Test
    void twoInstancesCleaningAtOnceClaimDifferentRowsWithoutWaiting() throws Exception {
        Family f = Family.create();
        Set<UUID> ours = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            ours.add(UUID.fromString(id(upload(f.parent(), "forgotten-" + i + ".png", "image/png", PNG))));
        }
        Instant cutoff = Instant.now(clock).plus(Duration.ofDays(2));
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> claimed = queries.claimUnattached(cutoff, 3);
                firstHolds.countDown();
                assertTrue(secondDone.await(20, TimeUnit.SECONDS), "the second instance never finished its claim");
                return claimed;
            }));
            assertTrue(firstHolds.await(20, TimeUnit.SECONDS));
            Future<List<UUID>> second = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                try {
                    return queries.claimUnattached(cutoff, AttachmentCleanup.BATCH);
                } finally {
                    secondDone.countDown();
                }
            }));
            List<UUID> a = first.get(30, TimeUnit.SECONDS);
            List<UUID> b = second.get(30, TimeUnit.SECONDS);
            assertEquals(3, a.size());
            assertTrue(Collections.disjoint(a, b), "claimed twice: " + a + " / " + b);
            Set<UUID> both = new HashSet<>(a);
            both.addAll(b);
            assertTrue(both.containsAll(ours), "every stale upload is claimed by one of the two");
        } finally {
            pool.shutdownNow();
        }
    }

    private static String id(String attachmentUrl) {
        return attachmentUrl.substring(attachmentUrl.lastIndexOf('/') + 1);
    }
}
