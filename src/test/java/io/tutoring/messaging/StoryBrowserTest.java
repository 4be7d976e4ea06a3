package io.tutoring.messaging;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.Mailbox;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import io.tutoring.users.Role;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole story in browsers (issue 12): a student invites a parent on {@code /family}; the parent opens the link
 * of the real mail, signs in, accepts, writes the first message and then a reply with a PNG; the tutor sees the badge,
 * opens the thread (the badge goes, the parent's open page shows "Read" live), pins and snoozes it; an admin reads it
 * and the audit shows the read.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class StoryBrowserTest extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/invite#token=[A-Za-z0-9_-]+)");

    /** Keeps the pages' EventSources in {@code window.__live}, to wait until the stream is open. */
    private static final String WATCH_EVENT_SOURCES = "(() => { const Source = window.EventSource; window.__live = [];"
            + " window.EventSource = class extends Source {"
            + " constructor(url, options) { super(url, options); window.__live.push(this); } }; })();";

    @Inject
    PageCast cast;

    @Test
    void inviteLinkFirstMessageWithAnImageReadPinSnoozeAndTheAdminsAudit() throws IOException {
        PageCast.Member student = cast.signsInAs("rowan", Role.STUDENT);
        PageCast.Member tutor = cast.signsInAs("okonkwo", Role.TUTOR);
        cast.enroll(student, tutor);
        String email = "rowan.parent." + PageCast.unique() + "@example.org";

        // The student invites a parent; the mail arrives.
        signIn(student.subject(), "STUDENT");
        page.navigate(url("/family"));
        page.getByLabel("Parent's email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invite")).click();
        assertThat(page.locator(".notice")).hasText("Invite sent by email.");
        Matcher link = LINK.matcher(Mailbox.await(email, 1).get(0).text());
        assertTrue(link.find());

        // The parent's browser opens the link, signs in, accepts, writes the first message.
        BrowserContext parentBrowser = newBrowser();
        BrowserContext tutorBrowser = newBrowser();
        BrowserContext adminBrowser = newBrowser();
        try {
            page = parentBrowser.newPage();
            page.navigate(url(link.group(1)));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to accept")).click();
            loginAtProvider("ada", "PARENT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and link")).click();
            page.waitForURL(u -> u.endsWith("/messages"));
            page.navigate(url("/messages/new"));
            page.getByLabel("Student").selectOption(new SelectOption().setLabel("Rowan"));
            assertThat(page.getByLabel("Tutor").locator("option")).hasText(new String[] {"Okonkwo"});
            page.getByLabel("Message").fill("Hello, I am Rowan's parent. Here is the timetable.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            page.waitForURL(u -> u.contains("/threads/"));
            UUID thread = UUID.fromString(path().substring("/threads/".length()).replaceAll("#.*", ""));
            page.getByLabel("Your message").fill("The timetable as a picture.");
            page.getByLabel("Attach one image").setInputFiles(new FilePayload("timetable.png", "image/png",
                    MessagesBrowserTest.png()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            page.waitForURL(u -> u.contains("#m-"));
            Locator withFile = page.locator(".message--mine").last();
            assertThat(withFile.locator(".message__file-link")).containsText("timetable.png");
            page.waitForFunction("img => img.complete && img.naturalWidth === 40",
                    withFile.locator(".message__preview img").elementHandle());
            assertThat(page.locator(".message--mine .receipt--read")).hasCount(0);
            Page parentPage = page;
            parentPage.waitForFunction("() => (window.__live || []).some(s => s.readyState === 1)");

            // The tutor sees the badge, opens the thread: the badge goes, the parent's page says "Read".
            page = tutorBrowser.newPage();
            signIn(tutor.subject(), "TUTOR");
            page.navigate(url("/messages"));
            Locator row = page.locator("#thread-" + thread);
            assertThat(row.locator(".badge--unread")).hasText("2 unread");
            screenshot("story-tutor-badge");
            row.locator("a").first().click();
            page.waitForURL(u -> u.contains("/threads/" + thread));
            assertThat(page.locator(".message__preview img")).hasCount(1);
            assertThat(parentPage.locator(".message--mine .receipt--read")).hasCount(2);
            page.navigate(url("/messages"));
            assertThat(row.locator(".badge--unread")).hasCount(0);

            // Pins, then snoozes until tomorrow morning: it leaves the inbox for the snoozed list.
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Pin\\b")))
                    .click();
            assertThat(row.locator(".badge")).containsText(new String[] {"Pinned"});
            row.locator("summary").click();
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tomorrow morning")).click();
            page.waitForLoadState();
            assertThat(row).hasCount(0);
            page.navigate(url("/messages?show=snoozed"));
            assertThat(row).containsText("Snoozed until");
            screenshot("story-tutor-snoozed");

            // The admin reads it; the audit shows the read.
            page = adminBrowser.newPage();
            signIn("story-admin", "ADMIN");
            page.navigate(url("/admin/threads/" + thread));
            assertThat(page.locator(".admin-banner")).isVisible();
            assertThat(page.locator(".admin-message")).hasCount(2);
            page.navigate(url("/admin/audit"));
            assertThat(page.locator(".admin-audit")).containsText("Rowan with Okonkwo");
            screenshot("story-admin-audit");
        } finally {
            parentBrowser.close();
            tutorBrowser.close();
            adminBrowser.close();
        }
    }

    private BrowserContext newBrowser() {
        BrowserContext c = browser().newContext(new Browser.NewContextOptions().setViewportSize(DESKTOP, 800)
                .setLocale("en-GB").setTimezoneId("Europe/London"));
        c.setDefaultTimeout(15_000);
        c.addInitScript(WATCH_EVENT_SOURCES);
        return c;
    }
}
