package io.tutoring.invites;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Mailbox;
import io.tutoring.support.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.tutoring.invites.InviteFlows.accept;
import static io.tutoring.invites.InviteFlows.inviteParentOk;
import static io.tutoring.invites.InviteFlows.newClient;
import static io.tutoring.invites.InviteFlows.tokenFromMail;
import static io.tutoring.invites.InviteFlows.uniqueEmail;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 10: an accept binds to whoever holds the magic link, so the student who sent it is told, by mail,
 * which account accepted (name and email) and where to remove the link (the family page).
 */
@QuarkusTest
class InviteAcceptedMailTest {

    @Test
    void theStudentLearnsWhichAccountAcceptedAndHowToRemoveIt() {
        Person student = newUser("Student", "STUDENT");
        String invited = uniqueEmail("mum.work");
        inviteParentOk(student, invited);
        // The parent signs in under another address than the one the student invited.
        Person parent = newUser("Parent", "PARENT");
        accept(parent, tokenFromMail(invited, 1), newClient()).statusCode(200);

        List<Mailbox.Delivered> mails = Mailbox.await(student.email(), 1);
        assertEquals(1, mails.size());
        Mailbox.Delivered mail = mails.get(0);
        assertTrue(mail.subject().contains(parent.name()) && mail.subject().contains("accepted"), mail.subject());
        for (String part : List.of(mail.text(), mail.html())) {
            assertTrue(part.contains(parent.name()), "names the account: " + part);
            assertTrue(part.contains(parent.email()), "gives its email: " + part);
            assertTrue(part.contains(invited), "says which invite: " + part);
        }
        assertTrue(mail.text().contains("https://app.tutoring.test/family"), mail.text());
        assertTrue(mail.html().contains("href=\"https://app.tutoring.test/family\""), mail.html());
        assertFalse(mail.text().contains("#token="), "the used token is not repeated");
    }

    @Test
    void theAcceptingAccountsNameIsEscapedInTheHtmlPart() {
        Person student = newUser("Student", "STUDENT");
        String invited = uniqueEmail("dad");
        inviteParentOk(student, invited);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Person parent = signIn(new Person("sub-" + unique, "Eve <a href=\"https://evil.test\">" + unique + "</a>",
                "eve." + unique + "@example.org", null, new String[]{"PARENT"}, null));
        accept(parent, tokenFromMail(invited, 1), newClient()).statusCode(200);

        Mailbox.Delivered mail = Mailbox.await(student.email(), 1).get(0);
        assertFalse(mail.html().contains("evil.test\">"), mail.html());
        assertTrue(mail.html().contains("Eve &lt;a href="), mail.html());
        assertTrue(mail.text().contains(parent.name()), "the text part shows the name as it is: " + mail.text());
    }

    @Test
    void aRefusedAcceptSendsNoMail() throws Exception {
        Person student = newUser("Student", "STUDENT").withPhone(null);
        String invited = uniqueEmail("p");
        inviteParentOk(student, invited);
        // The student cannot accept their own invite (their account also holds PARENT here).
        Person both = signIn(new Person(student.subject(), student.name(), student.email(), null,
                new String[]{"STUDENT", "PARENT"}, null));
        accept(both, tokenFromMail(invited, 1), newClient()).statusCode(403);
        Thread.sleep(500);
        assertEquals(0, Mailbox.to(student.email()).size());
    }
}
