package io.tutoring.invites;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.tutoring.invites.InviteFlows.inviteParent;
import static io.tutoring.invites.InviteFlows.inviteParentOk;
import static io.tutoring.invites.InviteFlows.inviteStudent;
import static io.tutoring.invites.InviteFlows.newClient;
import static io.tutoring.invites.InviteFlows.preview;
import static io.tutoring.invites.InviteFlows.uniqueEmail;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits with their defaults: 10 invites per inviter per hour; 30 token attempts per client per 10 minutes. */
@QuarkusTest
class InviteRateLimitTest {

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

    @Test
    void tryingTokensIsLimitedPerClientAddress() {
        String client = newClient();
        String guess = "A".repeat(43);
        for (int i = 0; i < 30; i++) {
            problem(preview(guess, client), 404);
        }
        var refused = preview(guess, client);
        problem(refused, 429);
        long retryAfter = Long.parseLong(refused.extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);
        // Accepting counts against the same limit.
        problem(InviteFlows.accept(newUser("Parent", "PARENT"), guess, client), 429);

        // Another client is not affected.
        problem(preview(guess, newClient()), 404);
    }
}
