package io.tutoring.invites;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tutoring.common.RateLimiter;
import io.tutoring.common.Sql;
import io.tutoring.support.Person;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.tutoring.invites.InviteFlows.inviteParent;
import static io.tutoring.invites.InviteFlows.inviteParentOk;
import static io.tutoring.invites.InviteFlows.inviteStudent;
import static io.tutoring.invites.InviteFlows.newClient;
import static io.tutoring.invites.InviteFlows.preview;
import static io.tutoring.invites.InviteFlows.tokenFromMail;
import static io.tutoring.invites.InviteFlows.uniqueEmail;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits with their defaults: 10 invites per inviter per hour; 100 failed token tries per client per 10 minutes
 * (tries of a real token never count); an alarm past 1000 failed tries per hour from all clients.
 */
@QuarkusTest
class InviteRateLimitTest {

    @Inject
    Sql sql;

    @Test
    void creatingAndResendingInvitesIsLimitedPerInviter() {
        Person student = newUser("Student", "STUDENT");
        String first = inviteParentOk(student, uniqueEmail("p"));
        for (int i = 1; i < 9; i++) {
            inviteParentOk(student, uniqueEmail("p"));
        }
        as(student).post("/api/student/parent-invites/" + first + "/resend").then().statusCode(202);

        var refused = inviteParent(student, uniqueEmail("p"));
        String detail = problem(refused, 429);
        assertTrue(detail.contains("Too many"), detail);
        long retryAfter = Long.parseLong(refused.extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        problem(as(student).post("/api/student/parent-invites/" + first + "/resend").then(), 429);

        // The limit is the inviter's: another student is not affected.
        inviteParentOk(newUser("Other student", "STUDENT"), uniqueEmail("p"));
    }

    @Test
    void parentsInvitingStudentsAreLimitedToo() {
        Person parent = newUser("Parent", "PARENT");
        for (int i = 0; i < 10; i++) {
            inviteStudent(parent, Map.of("studentEmail", uniqueEmail("s"))).statusCode(202);
        }
        var refused = inviteStudent(parent, Map.of("studentEmail", uniqueEmail("s")));
        problem(refused, 429);
        assertTrue(Long.parseLong(refused.extract().header("Retry-After")) >= 1);
    }

    /**
     * Only failed tries count, per address, with a ceiling of 100 per 10 minutes: 35 junk tries from a shared
     * address (a school, a carrier) no longer lock out a parent with a real link behind the same address.
     */
    @Test
    void junkFromASharedAddressDoesNotLockOutARealHolder() {
        String sharedAddress = newClient();
        for (int i = 0; i < 35; i++) {
            problem(preview("junk" + i + "A".repeat(39), sharedAddress), 404);
        }
        Person student = newUser("Student", "STUDENT");
        String email = uniqueEmail("p");
        inviteParentOk(student, email);
        String token = tokenFromMail(email, 1);
        preview(token, sharedAddress).statusCode(200);
        InviteFlows.accept(newUser("Parent", "PARENT"), token, sharedAddress).statusCode(200);
    }

    /** Guessing from one address is still refused past its ceiling; a real token from there still passes. */
    @Test
    void guessingFromOneAddressIsStillLimited() {
        String client = newClient();
        String guess = "A".repeat(43);
        for (int i = 0; i < 100; i++) {
            problem(preview(guess, client), 404);
        }
        var refused = preview(guess, client);
        String detail = problem(refused, 429);
        assertTrue(detail.contains("invalid invite links"), detail);
        long retryAfter = Long.parseLong(refused.extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);
        // Accepting a wrong token counts against the same limit.
        problem(InviteFlows.accept(newUser("Parent", "PARENT"), guess, client), 429);
        // Another client is not affected.
        problem(preview(guess, newClient()), 404);

        // A token that matches an invite is never refused, not even from the blocked address.
        Person student = newUser("Student", "STUDENT");
        String email = uniqueEmail("p");
        inviteParentOk(student, email);
        preview(tokenFromMail(email, 1), client).statusCode(200);
    }

    /** Failed tries from all clients together have a budget; going over it logs an alarm and counts a metric. */
    @Test
    void theGlobalFailureBudgetRaisesAnAlarm() {
        Instant start = RateLimiter.windowStart(Instant.now(), Duration.ofHours(1));
        sql.query("""
                insert into rate_limit_window (bucket, window_start, hits) values (:b, :s, 1000)
                on conflict (bucket, window_start) do update set hits = 1000""")
                .bind("b", InviteRateLimits.FAILURES_ALL).bind("s", start).update();
        try (CapturedLogs logs = CapturedLogs.start()) {
            problem(preview("B".repeat(43), newClient()), 404);
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("ALARM") && l.contains("invalid invite tokens")),
                    "alarm logged: " + logs.lines());
        }
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("invites_token_failure_alarms_total")
                && !l.endsWith(" 0.0")), "alarm counted");
        assertTrue(metrics.contains("invites_token_failures_total"), "failures counted");
        // An alarm, not a refusal: the next failure is still a 404 and the alarm is not repeated in this window.
        try (CapturedLogs logs = CapturedLogs.start()) {
            problem(preview("C".repeat(43), newClient()), 404);
            assertTrue(logs.lines().stream().noneMatch(l -> l.contains("ALARM")), "one alarm per window");
        }
    }
}
