package io.tutoring.attachments;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.common.Sql;
import io.tutoring.support.Person;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 8: uploads not yet attached to a message are limited per user, by count (20) and by declared bytes
 * (100 MiB), with 429 and a Retry-After that says when the oldest stops counting (after cleanup.after, 24 h).
 */
@QuarkusTest
class UploadQuotaTest {

    private static final long MIB = 1024 * 1024;
    private static final long DAY = 24 * 3600;

    @Inject
    Sql sql;

    @Test
    void pendingUploadsAreLimitedByCount() {
        Person parent = newUser("Parent", "PARENT");
        for (int i = 0; i < 20; i++) {
            Uploads.request(parent, "page" + i + ".png", "image/png", 1000).statusCode(201);
        }
        var refused = Uploads.request(parent, "one-more.png", "image/png", 1000);
        String detail = problem(refused, 429);
        assertTrue(detail.contains("20 uploads"), detail);
        long retryAfter = Long.parseLong(refused.extract().header("Retry-After"));
        assertTrue(retryAfter > DAY - 600 && retryAfter <= DAY, "until the oldest is a day old: " + retryAfter);

        // Someone else is not affected.
        Uploads.request(newUser("Tutor", "TUTOR"), "x.png", "image/png", 1000).statusCode(201);

        // Once the oldest is almost a day old, Retry-After says so; once older, it no longer counts.
        sql.query("""
                update attachment set created_at = now() - interval '23 hours'
                 where id = (select id from attachment where owner_id = :o order by created_at limit 1)""")
                .bind("o", parent.id()).update();
        var later = Uploads.request(parent, "a.png", "image/png", 1);
        problem(later, 429);
        long soon = Long.parseLong(later.extract().header("Retry-After"));
        assertTrue(soon > 3000 && soon <= 3600, "about an hour: " + soon);
        sql.query("""
                update attachment set created_at = now() - interval '25 hours'
                 where id = (select id from attachment where owner_id = :o order by created_at limit 1)""")
                .bind("o", parent.id()).update();
        Uploads.request(parent, "now-it-fits.png", "image/png", 1000).statusCode(201);
    }

    @Test
    void pendingUploadsAreLimitedByBytes() {
        Person tutor = newUser("Tutor", "TUTOR");
        for (int i = 0; i < 10; i++) {
            Uploads.request(tutor, "scan" + i + ".pdf", "application/pdf", 10 * MIB).statusCode(201);
        }
        String detail = problem(Uploads.request(tutor, "tiny.pdf", "application/pdf", 1), 429);
        assertTrue(detail.contains(Long.toString(100 * MIB)), detail);
    }
}
