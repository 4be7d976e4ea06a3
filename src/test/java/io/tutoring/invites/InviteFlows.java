package io.tutoring.invites;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tutoring.common.Sql;
import io.tutoring.support.Api;
import io.tutoring.support.Mailbox;
import io.tutoring.support.Person;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Steps the invite tests share: sending invites, reading the magic link from the mail, previewing, accepting. */
final class InviteFlows {

    static final String PUBLIC_URL = "https://app.tutoring.test";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/invite#token=([A-Za-z0-9_-]+)");

    private InviteFlows() {
    }

    /** A client address of its own (sent as X-Forwarded-For), so per-client limits stay within one test. */
    static String newClient() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 255) + "." + r.nextInt(1, 255);
    }

    static RequestSpecification from(String client) {
        return Api.anonymous().header("X-Forwarded-For", client);
    }

    static RequestSpecification as(Person person, String client) {
        return Api.as(person).header("X-Forwarded-For", client);
    }

    static ValidatableResponse inviteParent(Person student, String parentEmail) {
        return Api.as(student).body(Map.of("parentEmail", parentEmail)).post("/api/student/parent-invites").then();
    }

    /** Sends a parent invite and returns its id. */
    static String inviteParentOk(Person student, String parentEmail) {
        return inviteParent(student, parentEmail).statusCode(202).extract().path("id");
    }

    static ValidatableResponse inviteStudent(Person parent, Map<String, Object> body) {
        return Api.as(parent).body(body).post("/api/parent/invites").then();
    }

    /** The token of the latest of {@code count} invite mails to the address. */
    static String tokenFromMail(String address, int count) {
        List<Mailbox.Delivered> mails = Mailbox.await(address, count);
        return tokenOf(mails.get(mails.size() - 1).text());
    }

    static String tokenOf(String body) {
        Matcher m = LINK.matcher(body);
        assertTrue(m.find(), "no magic link in: " + body);
        return m.group(1);
    }

    static ValidatableResponse preview(String token, String client) {
        return from(client).body(Map.of("token", token)).post("/api/invites/preview").then();
    }

    static ValidatableResponse accept(Person parent, String token, String client) {
        return as(parent, client).body(Map.of("token", token)).post("/api/parent/invites/accept").then();
    }

    /** Moves an invite's expiry into the past, as if its time had run out. */
    static void expire(Sql sql, String inviteId) {
        sql.query("update parent_invite set expires_at = now() - interval '1 minute' where id = :id")
                .bind("id", UUID.fromString(inviteId)).update();
    }

    static String uniqueEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
