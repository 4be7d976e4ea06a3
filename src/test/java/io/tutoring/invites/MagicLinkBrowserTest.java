package io.tutoring.invites;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.common.Sql;
import io.tutoring.support.Mailbox;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey 4, the magic link: a student invites a parent on {@code /family}; the link is taken out of the real mail
 * (GreenMail); the parent's browser opens it, sees who invited them, signs in on the identity provider's page (the
 * token survives in sessionStorage), accepts and lands on {@code /messages}, linked; the student sees which account
 * accepted. The token is in no URL the browser requested. Used, garbled, expired and revoked links each say what to
 * do; without JavaScript the page says why it needs it and takes a pasted link.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class MagicLinkBrowserTest extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("(https?://[^/\\s]+)(/invite#token=[A-Za-z0-9_-]+)");

    @Inject
    UserDirectory users;

    @Inject
    ParentInviteService parentInvites;

    @Inject
    Sql sql;

    @Test
    void aParentOpensTheLinkFromTheMailSignsInAndAccepts() {
        signIn("jamie", "STUDENT");
        page.getByLabel("Parent's email").fill("morgan.family@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invite")).click();
        assertThat(page.locator(".notice")).hasText("Invite sent by email.");
        Page student = page;

        Mailbox.Delivered mail = Mailbox.await("morgan.family@example.org", 1).get(0);
        assertEquals("Jamie invites you to connect as their parent", mail.subject());
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        assertEquals(InviteFlows.PUBLIC_URL, link.group(1));
        String token = link.group(2).substring("/invite#token=".length());

        try (BrowserContext parentBrowser = browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(DESKTOP, 800).setLocale("en-GB").setTimezoneId("Europe/London"))) {
            page = parentBrowser.newPage();
            List<String> requested = new ArrayList<>();
            List<String> referers = new ArrayList<>();
            page.onRequest(r -> {
                if (r.isNavigationRequest() && r.url().contains("/invite#")) {
                    return; // opening the link itself: the fragment stays in the browser (RFC 9110, 7.1)
                }
                requested.add(r.url());
                if (r.headers().containsKey("referer")) {
                    referers.add(r.headers().get("referer"));
                }
            });
            // The link of the mail, on the app under test (the mail names the configured public URL).
            page.navigate(url(link.group(2)));
            assertThat(page.locator("#invite-result h2")).hasText("Jamie invited you to be linked as a parent");
            assertEquals("/invite", path(), "the token leaves the address bar");
            assertEquals(token, page.evaluate("() => sessionStorage.getItem('inviteToken')"));
            assertThat(page.locator("#invite-paste")).isHidden();
            screenshot("invite-preview");
            assertAccessible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to accept")).click();
            // Signed in under another address than the invited one: the token decides, not the email.
            loginAtProvider("morgan", "PARENT");
            assertEquals("/invite", path());
            assertThat(page.locator("#invite-result h2")).hasText("Jamie invited you to be linked as a parent");
            screenshot("invite-accept");
            assertAccessible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and link")).click();
            page.waitForURL(u -> u.endsWith("/messages"));
            assertNull(page.evaluate("() => sessionStorage.getItem('inviteToken')"));

            page.navigate(url("/family"));
            assertThat(page.locator(".links")).containsText("Jamie");

            // The token travelled only in POST bodies: in no URL and no Referer.
            assertTrue(requested.stream().noneMatch(u -> u.contains(token)), requested.toString());
            assertTrue(referers.stream().noneMatch(u -> u.contains(token)), referers.toString());

            // The same link again: used.
            open(link.group(2));
            assertThat(page.locator("#invite-result h2")).hasText("This invite has already been used");
            assertThat(page.locator("#invite-result")).containsText("go to your messages");
            assertNull(page.evaluate("() => sessionStorage.getItem('inviteToken')"));
            screenshot("invite-used");
            assertAccessible();
        }

        page = student;
        page.reload();
        assertThat(page.locator(".invites li").first()).containsText("Accepted");
        assertThat(page.locator(".invites li").first()).containsText("Accepted by Morgan");
        assertThat(page.locator(".links")).containsText("Morgan");
    }

    @Test
    void linksThatCannotBeUsedSayWhatToDo() {
        Caller student = student("student-" + unique(), "Riley");
        page.navigate(url("/invite#token=this-is-not-a-token"));
        assertThat(page.locator("#invite-result h2")).hasText("This invite link is not valid");
        assertThat(page.locator("#invite-paste")).isVisible();
        screenshot("invite-invalid");
        assertAccessible();

        String expired = invite(student);
        InviteFlows.expire(sql, parentInvites.outgoing(student, null, 1).items().get(0).id().toString());
        open("/invite#token=" + expired);
        assertThat(page.locator("#invite-result h2")).hasText("This invite has expired");
        assertThat(page.locator("#invite-result")).containsText("Ask your child to send it again");
        assertThat(page.locator("#invite-paste")).isHidden();

        String revoked = invite(student);
        UUID id = parentInvites.outgoing(student, null, 1).items().get(0).id();
        parentInvites.revoke(student, id);
        open("/invite#token=" + revoked);
        assertThat(page.locator("#invite-result h2")).hasText("This invite was withdrawn");
        assertAccessible();

        // No fragment and nothing kept: the page asks for the link.
        page.evaluate("() => sessionStorage.clear()");
        open("/invite");
        assertThat(page.locator("#invite-paste")).isVisible();
        assertEquals(0, page.locator("#invite-result h2").count());
    }

    @Test
    void withoutJavaScriptThePageSaysWhyAndTakesAPastedLink() {
        Caller student = student("student-" + unique(), "Avery");
        String token = invite(student);
        try (BrowserContext noJs = browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            page = noJs.newPage();
            page.navigate(url("/invite#token=" + token));
            // (Playwright's text matching skips <noscript>; the screenshot shows the words on the page.)
            assertTrue(page.content().contains("This page needs JavaScript to read your invite"));
            assertThat(page.locator("#invite-paste")).isVisible();
            screenshot("invite-nojs");
            page.getByLabel("Invite link or code").fill(InviteFlows.PUBLIC_URL + "/invite#token=" + token);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the invite")).click();
            assertThat(page.locator("#invite-result h2")).hasText("Avery invited you to be linked as a parent");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to accept")))
                    .isVisible();
            assertFalse(page.url().contains(token));
        }
    }

    /** A full page load, also where only the fragment differs from the page shown (which would not reload). */
    private void open(String path) {
        page.navigate("about:blank");
        page.navigate(url(path));
    }

    private Caller student(String subject, String name) {
        UUID id = users.sync(new UserDirectory.Claims(subject, subject + "@example.org", name, null,
                UserDirectory.rolesLiteral(Set.of(Role.STUDENT))));
        return new Caller(id, Set.of(Role.STUDENT));
    }

    /** A new invite from the student; its token, read from the mail. */
    private String invite(Caller student) {
        String email = "parent." + unique() + "@example.org";
        parentInvites.create(student, email);
        Matcher m = LINK.matcher(Mailbox.await(email, 1).get(0).text());
        assertTrue(m.find());
        return m.group(2).substring("/invite#token=".length());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
