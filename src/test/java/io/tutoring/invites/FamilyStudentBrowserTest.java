package io.tutoring.invites;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.Mailbox;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey 2, a student on {@code /family}: confirms a parent's invite, invites a parent by email (the mail goes
 * out), resends and revokes invites, removes a linked parent; keyboard only, with JavaScript and without.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class FamilyStudentBrowserTest extends BrowserTest {

    @Inject
    UserDirectory users;

    @Inject
    StudentInviteService studentInvites;

    @Test
    void aStudentManagesTheirFamily() {
        // Robin, a parent, invited Sam (the dev service's user "sam" has the email sam@example.com).
        Caller robin = parent("robin-lee", "Robin Lee", "robin.lee@example.org");
        studentInvites.create(robin, "sam@example.com", null);

        signIn("sam", "STUDENT");
        assertEquals("/family", path());
        assertThat(page.locator(".site-nav a[aria-current=page]")).hasText("Family");
        assertThat(page.locator(".incoming")).containsText("Robin Lee wants to be linked as your parent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm Robin Lee as your parent"))
                .click();
        assertThat(page.locator(".notice")).hasText("Confirmed: you are now linked.");
        assertThat(page.locator(".links")).containsText("Robin Lee");
        assertEquals(0, page.locator(".incoming").count());

        // Keyboard only: the email field, typed, sent with Enter.
        page.getByLabel("Parent's email").focus();
        page.keyboard().type("pat.morgan@example.org");
        page.keyboard().press("Enter");
        assertThat(page.locator(".notice")).hasText("Invite sent by email.");
        assertThat(page.locator(".invites")).containsText("pat.morgan@example.org");
        assertThat(page.locator(".invites")).containsText("Waiting for an answer");
        assertTrue(Mailbox.await("pat.morgan@example.org", 1).get(0).text().contains("/invite#token="));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Resend the invite to pat.morgan@example.org")).click();
        assertThat(page.locator(".notice")).hasText("Invite sent again with a new link. The old link no longer works.");
        Mailbox.await("pat.morgan@example.org", 2);

        page.getByLabel("Parent's email").fill("jo.parker@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invite")).click();
        assertThat(page.locator(".notice")).hasText("Invite sent by email.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Revoke the invite to jo.parker@example.org")).click();
        assertThat(page.locator(".notice")).hasText("Invite revoked. Its link no longer works.");
        assertThat(page.locator(".invites li").first()).containsText("Revoked");

        // A wrong address: the message next to the field and in the summary at the top.
        page.getByLabel("Parent's email").fill("not-an-email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invite")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter an email address in the right form");
        assertThat(page.locator("#parentEmail")).hasAttribute("aria-invalid", "true");
        assertAccessible();

        page.navigate(url("/family"));
        screenshot("family-student");
        assertAccessible();

        // Removing a link asks first (htmx's confirm), then the parent is gone.
        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Robin Lee")).click();
        assertThat(page.locator(".notice")).hasText("Link removed.");
        assertThat(page.locator("#parents-title + p")).hasText("No parent is linked yet. Invite one below.");
    }

    @Test
    void everyFormWorksWithoutJavaScript() {
        Caller parent = parent("parent-" + unique(), "Quinn Hale", "quinn." + unique() + "@example.org");
        String student = "student-" + unique();
        studentInvites.create(parent, student + "@example.com", null);
        try (BrowserContext noJs = browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            page = noJs.newPage();
            signIn(student, "STUDENT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm Quinn Hale as your parent"))
                    .click();
            assertEquals("/family?done=confirmed", path());
            assertThat(page.locator(".links")).containsText("Quinn Hale");
            page.getByLabel("Parent's email").fill("nojs." + unique() + "@example.org");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invite")).click();
            assertEquals("/family?done=parent-invited", path());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the invite to nojs.")).click();
            assertEquals("/family?done=revoked", path());
            // Without JavaScript there is no confirm dialog: the form posts at once.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Quinn Hale")).click();
            assertEquals("/family?done=removed", path());
            assertThat(page.locator(".notice")).hasText("Link removed.");
        }
    }

    @Test
    void namesThatLookLikeHtmlStayText() {
        String evil = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";
        Caller parent = parent("parent-" + unique(), evil, "evil." + unique() + "@example.org");
        String student = "student-" + unique();
        studentInvites.create(parent, student + "@example.com", null);
        boolean[] dialog = {false};
        page.onDialog(d -> {
            dialog[0] = true;
            d.dismiss();
        });
        signIn(student, "STUDENT");
        assertThat(page.locator(".incoming")).containsText(evil + " wants to be linked as your parent");
        assertEquals(0, page.locator("main img").count());
        assertEquals(0, page.locator("main script").count());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm " + evil + " as your parent"))
                .click();
        assertThat(page.locator(".links")).containsText(evil);
        assertEquals(0, page.locator("main img").count());
        assertTrue(!dialog[0], "a script ran");
    }

    private Caller parent(String subject, String name, String email) {
        UUID id = users.sync(new UserDirectory.Claims(subject, email, name, null, UserDirectory.rolesLiteral(
                Set.of(Role.PARENT))));
        return new Caller(id, Set.of(Role.PARENT));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
