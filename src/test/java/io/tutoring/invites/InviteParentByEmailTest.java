package io.tutoring.invites;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tutoring.common.Sql;
import io.tutoring.support.Api;
import io.tutoring.support.Mailbox;
import io.tutoring.support.Person;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tutoring.invites.InviteFlows.accept;
import static io.tutoring.invites.InviteFlows.inviteParent;
import static io.tutoring.invites.InviteFlows.inviteParentOk;
import static io.tutoring.invites.InviteFlows.newClient;
import static io.tutoring.invites.InviteFlows.preview;
import static io.tutoring.invites.InviteFlows.tokenFromMail;
import static io.tutoring.invites.InviteFlows.uniqueEmail;
import static io.tutoring.support.Api.admin;
import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.enroll;
import static io.tutoring.support.Api.link;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.send;
import static io.tutoring.support.Api.sendOk;
import static io.tutoring.support.Api.signIn;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Student invites parent: the magic link by real email, preview, accept, and every way it can be refused. */
@QuarkusTest
class InviteParentByEmailTest {

    @Inject
    Sql sql;

    @Test
    void magicLinkFromTheMailLinksTheParentWhoThenMessagesTheTutor() {
        Person admin = admin();
        Person student = newUser("Student", "STUDENT");
        Person tutor = newUser("Tutor", "TUTOR");
        enroll(admin, student, tutor);
        Person parent = Person.of("Parent", "PARENT");

        CapturedLogs logs = CapturedLogs.start();
        String id = inviteParent(student, parent.email()).statusCode(202).body("status", equalTo("PENDING"))
                .extract().path("id");

        Mailbox.Delivered mail = Mailbox.await(parent.email(), 1).get(0);
        String token = InviteFlows.tokenOf(mail.text());
        assertEquals(token, InviteFlows.tokenOf(mail.html()), "the HTML part carries the same link");
        assertTrue(mail.subject().contains(student.name()), mail.subject());
        assertFalse(mail.subject().contains(token), "no token in the subject");
        assertTrue(mail.text().contains(student.name()) && mail.html().contains(student.name()));
        assertTrue(mail.text().contains("expires on") && mail.html().contains("expires on"));
        assertTrue(mail.from().contains("no-reply@tutoring.example"), mail.from());
        assertEquals(43, token.length(), "256 bits, base64url");

        // Previewing is anonymous, says who invited, and does not use up the token.
        String client = newClient();
        for (int i = 0; i < 2; i++) {
            String expiresAt = preview(token, client).statusCode(200)
                    .body("studentName", equalTo(student.name()))
                    .body("inviterName", equalTo(student.name()))
                    .extract().path("expiresAt");
            Duration ttl = Duration.between(Instant.now(), Instant.parse(expiresAt));
            assertTrue(ttl.compareTo(Duration.ofDays(7).minusMinutes(5)) > 0 && ttl.compareTo(Duration.ofDays(7)) <= 0,
                    "default expiry is 7 days: " + ttl);
        }

        parent = signIn(parent);
        accept(parent, token, client).statusCode(200)
                .body("parent.id", equalTo(parent.id().toString()))
                .body("student.id", equalTo(student.id().toString()))
                .body("student.name", equalTo(student.name()));

        sendOk(parent, tutor, student, "Hello from the new parent");
        logs.close();
        assertTrue(logs.lines().stream().anyMatch(l -> l.contains("Emailed invite") && l.contains(id)),
                "the mail was logged by invite id: " + logs.lines());
        assertTrue(logs.lines().stream().noneMatch(l -> l.contains(token)), "the token never reaches a log");

        as(student).get("/api/student/links").then().statusCode(200)
                .body("parent.id", contains(parent.id().toString()));
        as(parent).get("/api/parent/links").then().statusCode(200)
                .body("student.id", contains(student.id().toString()));
        as(student).get("/api/student/parent-invites").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("ACCEPTED"))
                .body("items[0].parentEmail", equalTo(parent.email()))
                .body("items[0].parent.id", equalTo(parent.id().toString()))
                .body("items[0].history.action", contains("INVITED", "ACCEPTED"))
                .body("items[0].history.actor.id", contains(student.id().toString(), parent.id().toString()));
    }

    /**
     * The token proves control of the invited mailbox; the parent may hold an account under another email. The
     * link goes to the account that accepts, and the student sees exactly who that was.
     */
    @Test
    void acceptBindsToTheSignedInParentEvenUnderAnotherEmail() {
        Person student = newUser("Student", "STUDENT");
        String invitedAddress = uniqueEmail("mum.work");
        inviteParentOk(student, invitedAddress);
        String token = tokenFromMail(invitedAddress, 1);

        Person parent = newUser("Mum", "PARENT");
        assertFalse(parent.email().equals(invitedAddress));
        accept(parent, token, newClient()).statusCode(200).body("parent.id", equalTo(parent.id().toString()));

        as(student).get("/api/student/parent-invites").then()
                .body("items[0].parentEmail", equalTo(invitedAddress))
                .body("items[0].parent.name", equalTo(parent.name()));
        // If that was not the parent the student meant, the student can end the link.
        as(student).delete("/api/student/links/" + parent.id()).then().statusCode(204);
        as(parent).get("/api/parent/links").then().body("size()", equalTo(0));
    }

    @Test
    void aUsedTokenCannotBeUsedAgain() {
        Person student = newUser("Student", "STUDENT");
        String address = uniqueEmail("parent");
        inviteParentOk(student, address);
        String token = tokenFromMail(address, 1);
        String client = newClient();
        accept(newUser("Parent", "PARENT"), token, client).statusCode(200);

        String detail = problem(accept(newUser("Other parent", "PARENT"), token, client), 410);
        assertTrue(detail.contains("already been used"), detail);
        problem(preview(token, client), 410);
        as(student).get("/api/student/links").then().body("size()", equalTo(1));
    }

    @Test
    void anExpiredTokenIsGoneAndAResendIssuesAFreshOne() {
        Person student = newUser("Student", "STUDENT");
        String address = uniqueEmail("parent");
        String id = inviteParentOk(student, address);
        String oldToken = tokenFromMail(address, 1);
        InviteFlows.expire(sql, id);
        String client = newClient();

        assertTrue(problem(preview(oldToken, client), 410).contains("expired"));
        Person parent = newUser("Parent", "PARENT");
        assertTrue(problem(accept(parent, oldToken, client), 410).contains("expired"));
        as(student).get("/api/student/parent-invites").then().body("items[0].status", equalTo("EXPIRED"));

        as(student).post("/api/student/parent-invites/" + id + "/resend").then().statusCode(202)
                .body("id", equalTo(id)).body("status", equalTo("PENDING"));
        String newToken = tokenFromMail(address, 2);
        assertFalse(newToken.equals(oldToken));
        problem(preview(oldToken, client), 404);
        accept(parent, newToken, client).statusCode(200);
        as(student).get("/api/student/parent-invites").then()
                .body("items[0].history.action", contains("INVITED", "RESENT", "ACCEPTED"));
    }

    @Test
    void aRevokedInviteIsGone() {
        Person student = newUser("Student", "STUDENT");
        String address = uniqueEmail("parent");
        String id = inviteParentOk(student, address);
        String token = tokenFromMail(address, 1);

        Person otherStudent = newUser("Other student", "STUDENT");
        problem(as(otherStudent).delete("/api/student/parent-invites/" + id).then(), 404);
        problem(as(otherStudent).post("/api/student/parent-invites/" + id + "/resend").then(), 404);

        as(student).delete("/api/student/parent-invites/" + id).then().statusCode(204);
        String client = newClient();
        assertTrue(problem(preview(token, client), 410).contains("withdrawn"));
        problem(accept(newUser("Parent", "PARENT"), token, client), 410);
        problem(as(student).post("/api/student/parent-invites/" + id + "/resend").then(), 409);
        problem(as(student).delete("/api/student/parent-invites/" + id).then(), 409);
        as(student).get("/api/student/parent-invites").then()
                .body("items[0].status", equalTo("REVOKED"))
                .body("items[0].history.action", contains("INVITED", "REVOKED"));
    }

    @Test
    void unknownOrMalformedTokensAre404() {
        String client = newClient();
        problem(preview("A".repeat(43), client), 404);
        problem(preview("not a token", client), 404);
        problem(accept(newUser("Parent", "PARENT"), "x", client), 404);
        problem(InviteFlows.from(client).body(Map.of()).post("/api/invites/preview").then(), 400);
    }

    @Test
    void concurrentAcceptsOfOneTokenMakeExactlyOneLink() throws Exception {
        Person student = newUser("Student", "STUDENT");
        String address = uniqueEmail("parent");
        inviteParentOk(student, address);
        String token = tokenFromMail(address, 1);
        List<Person> parents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parents.add(newUser("Racer " + i, "PARENT"));
        }

        String client = newClient();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parents.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Person p : parents) {
                Callable<Integer> call = () -> {
                    start.await();
                    return InviteFlows.as(p, client).body(Map.of("token", token))
                            .post("/api/parent/invites/accept").then().extract().statusCode();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(parents.size() - 1, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        as(student).get("/api/student/links").then().body("size()", equalTo(1));
    }

    @Test
    void theAnswerDoesNotTellWhetherTheEmailHasAnAccount() {
        Person student = newUser("Student", "STUDENT");
        Person existing = newUser("Existing parent", "PARENT");
        String unknown = uniqueEmail("nobody");

        Response a = as(student).body(Map.of("parentEmail", existing.email())).post("/api/student/parent-invites");
        Response b = as(student).body(Map.of("parentEmail", unknown)).post("/api/student/parent-invites");
        assertEquals(202, a.statusCode());
        assertEquals(a.statusCode(), b.statusCode());
        assertEquals(a.jsonPath().getMap("").keySet(), b.jsonPath().getMap("").keySet());
        assertEquals("PENDING", a.jsonPath().getString("status"));
        assertEquals(a.jsonPath().getString("status"), b.jsonPath().getString("status"));
        // Both get the same mail.
        assertEquals(1, Mailbox.await(existing.email(), 1).size());
        assertEquals(1, Mailbox.await(unknown, 1).size());
    }

    @Test
    void duplicatesAndExistingLinksAreConflicts() {
        Person admin = admin();
        Person student = newUser("Student", "STUDENT");
        String address = uniqueEmail("parent");
        inviteParentOk(student, address);
        String detail = problem(inviteParent(student, address.toUpperCase()), 409);
        assertTrue(detail.contains("pending invite"), detail);
        as(student).get("/api/student/parent-invites").then().body("items", hasSize(1));

        Person linked = newUser("Linked parent", "PARENT");
        link(admin, linked, student);
        detail = problem(inviteParent(student, linked.email()), 409);
        assertTrue(detail.contains("already linked"), detail);

        // A parent already linked who accepts another invite of the same student: a conflict, and the token stays.
        String second = uniqueEmail("second");
        inviteParentOk(student, second);
        String token = tokenFromMail(second, 1);
        String client = newClient();
        problem(accept(linked, token, client), 409);
        preview(token, client).statusCode(200);

        problem(inviteParent(student, student.email()), 400);
        problem(inviteParent(student, "not-an-email"), 400);
    }

    @Test
    void refusedCallers() {
        Person student = newUser("Student", "STUDENT");
        String address = uniqueEmail("parent");
        inviteParentOk(student, address);
        String token = tokenFromMail(address, 1);
        String client = newClient();

        problem(InviteFlows.from(client).body(Map.of("token", token)).post("/api/parent/invites/accept").then(), 401);
        problem(accept(newUser("Tutor", "TUTOR"), token, client), 403);
        problem(accept(student, token, client), 403);
        problem(anonymous().body(Map.of("parentEmail", address)).post("/api/student/parent-invites").then(), 401);
        problem(inviteParent(newUser("Parent", "PARENT"), uniqueEmail("x")), 403);
        problem(as(newUser("Tutor", "TUTOR")).get("/api/student/parent-invites").then(), 403);
        problem(as(newUser("Parent", "PARENT")).get("/api/student/links").then(), 403);
        problem(as(student).get("/api/parent/links").then(), 403);

        // A student who also holds PARENT cannot accept their own invite.
        Person both = newUser("Both", "STUDENT", "PARENT");
        String own = uniqueEmail("own");
        inviteParentOk(both, own);
        String ownToken = tokenFromMail(own, 1);
        problem(accept(both, ownToken, client), 403);
        preview(ownToken, client).statusCode(200);
        // None of that used up the token.
        accept(newUser("Parent", "PARENT"), token, client).statusCode(200)
                .body("student.id", equalTo(student.id().toString()))
                .body("linkedAt", org.hamcrest.Matchers.notNullValue());
        as(student).get("/api/student/parent-invites").then().body("items[0].resolvedAt",
                org.hamcrest.Matchers.not(nullValue()));
    }

    @Test
    void removingTheLinkEndsMessaging() {
        Person admin = admin();
        Person student = newUser("Student", "STUDENT");
        Person tutor = newUser("Tutor", "TUTOR");
        enroll(admin, student, tutor);
        String address = uniqueEmail("parent");
        inviteParentOk(student, address);
        Person parent = newUser("Parent", "PARENT");
        accept(parent, tokenFromMail(address, 1), newClient()).statusCode(200);
        String thread = sendOk(parent, tutor, student, "Before");

        problem(as(parent).delete("/api/student/links/" + student.id()).then(), 403);
        problem(as(student).delete("/api/student/links/" + Api.admin().id()).then(), 404);
        as(student).delete("/api/student/links/" + parent.id()).then().statusCode(204);
        problem(send(parent, tutor, student, "After"), 403);
        problem(as(parent).get("/api/parent/threads/" + thread + "/messages").then(), 403);
        as(tutor).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200)
                .body("items", hasSize(1));
        problem(as(student).delete("/api/student/links/" + parent.id()).then(), 404);
    }
}
