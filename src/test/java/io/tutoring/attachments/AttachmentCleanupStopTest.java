package io.tutoring.attachments;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Api;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cleanup run that is told to stop (the application is shutting down) ends after the batch in hand: that batch is
 * deleted whole, the rest stays for the next run, which finishes the job.
 */
@QuarkusTest
class AttachmentCleanupStopTest {

    @Inject
    AttachmentCleanup cleanup;

    @Inject
    EntityManager em;

    @Test
    void aStoppedRunEndsAfterItsBatchAndTheNextRunFinishes() {
        UUID owner = Api.newUser("Uploader", "PARENT").id();
        int rows = AttachmentCleanup.BATCH + 7;
        // Requested in 2001: older than anything another test leaves, so the oldest-first batch is all ours.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into attachment (id, owner_id, file_name, content_type, size, created_at,
                                                upload_expires_at)
                        select gen_random_uuid(), :owner, 'old.png', 'image/png', 10,
                               timestamptz '2001-01-01 00:00:00+00' + make_interval(secs => n),
                               timestamptz '2001-01-01 00:15:00+00'
                          from generate_series(1, :rows) n""")
                .setParameter("owner", owner).setParameter("rows", rows).executeUpdate());
        Instant now = Instant.parse("2001-02-01T00:00:00Z");

        assertEquals(AttachmentCleanup.BATCH, cleanup.run(now, () -> false));
        assertEquals(7, left(owner));

        assertEquals(7, cleanup.run(now));
        assertEquals(0, left(owner));
    }

    private long left(UUID owner) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from attachment where owner_id = :owner").setParameter("owner", owner)
                .getSingleResult()).longValue());
    }
}
