package io.tutoring.messaging;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import io.tutoring.users.EmailFrequency;
import io.tutoring.users.PreferencesBody;
import io.tutoring.users.PreferencesService;
import io.tutoring.users.Role;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tutoring.messaging.PageCast.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live updates in the browser (issue 13): a parent and a tutor, each in their own browser, signed in through the
 * provider's login page; the pages' EventSource on the real {@code /api/events} with the page session. Nobody
 * reloads: the tutor's list badge changes, the tutor's open thread shows the parent's new message, the parent's page
 * shows "Read" when the tutor reads, the parent's list shows the tutor's answer as unread. A plain refresh shows the
 * same.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class LiveBrowserTest extends BrowserTest {

    /** Keeps the pages' EventSources in {@code window.__live}, to wait until the stream is open (no page change). */
    private static final String WATCH_EVENT_SOURCES = "(() => { const Source = window.EventSource; window.__live = [];"
            + " window.EventSource = class extends Source {"
            + " constructor(url, options) { super(url, options); window.__live.push(this); } }; })();";

    @Inject
    PageCast cast;

    @Inject
    PreferencesService preferences;

    @Test
    void theThreadAndTheListFollowTheOtherSideWithoutReload() {
        // Fixed names (signing in sets the name from the login): the screenshots stay the same from run to run.
        PageCast.Member parent = cast.signsInAs("amara", Role.PARENT);
        PageCast.Member student = cast.register("student-" + unique(), "Noor Shah", Role.STUDENT);
        PageCast.Member tutor = cast.signsInAs("bello", Role.TUTOR);
        cast.enroll(student, tutor);
        cast.link(parent, student);
        MessageView first = cast.send(parent, tutor, student, parent, "Hello, is Thursday still on?");
        String thread = "/threads/" + first.threadId();
        List<PreferencesBody.OfficeHours> hours = java.util.stream.Stream.of(java.time.DayOfWeek.MONDAY,
                java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY,
                java.time.DayOfWeek.FRIDAY).map(d -> new PreferencesBody.OfficeHours(d, "15:00", "19:00")).toList();
        preferences.save(tutor.caller(), new PreferencesBody(EmailFrequency.BATCHED, null, null, null, null, hours,
                24));

        context.addInitScript(WATCH_EVENT_SOURCES);
        signIn(parent.subject(), "PARENT");
        Page parentPage = page;
        BrowserContext tutorContext = browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(DESKTOP, 800).setLocale("en-GB").setTimezoneId("Europe/London"));
        List<String> consoleErrors = new ArrayList<>();
        try {
            tutorContext.setDefaultTimeout(15_000);
            tutorContext.addInitScript(WATCH_EVENT_SOURCES);
            page = tutorContext.newPage();
            signIn(tutor.subject(), "TUTOR");
            Page tutorPage = page;
            for (Page p : List.of(parentPage, tutorPage)) {
                // The CSP must let the EventSource connect (connect-src 'self'). (Playwright's screenshots try an
                // inline style to hide the caret, and htmx logs the stream's error event when a page is left: both
                // are no failure of the page.)
                p.onConsoleMessage(m -> {
                    if ("error".equals(m.type()) && (m.text().contains("connect-src")
                            || m.text().contains("script-src") || m.text().contains("Refused to connect"))) {
                        consoleErrors.add(m.text());
                    }
                });
            }

            // The tutor's list: one unread. The parent writes again on the thread page: the badge changes live.
            tutorPage.navigate(url("/messages"));
            Locator row = tutorPage.locator("#thread-" + first.threadId());
            assertThat(row.locator(".badge--unread")).hasText("1 unread");
            streamOpen(tutorPage);
            parentPage.navigate(url(thread));
            // The tutor's reply time and office hours, for the parent.
            assertThat(parentPage.locator(".availability"))
                    .hasText("Usually replies within a day; office hours Mon–Fri 15:00–19:00");
            parentPage.getByLabel("Your message").fill("And could Noor bring the workbook?");
            parentPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            parentPage.waitForURL(u -> u.contains("#m-"));
            assertThat(row.locator(".badge--unread")).hasText("2 unread");
            assertThat(row.locator(".thread-row__preview")).containsText("could Noor bring the workbook");
            page = tutorPage;
            screenshot("live-messages");

            // The tutor opens the thread: the parent's page, still open, shows "Read" on both messages.
            streamOpen(parentPage);
            assertThat(parentPage.locator(".message--mine .receipt--read")).hasCount(0);
            tutorPage.locator("#thread-" + first.threadId() + " a").first().click();
            tutorPage.waitForURL(u -> u.contains(thread));
            assertThat(parentPage.locator(".message--mine .receipt--read")).hasCount(2);
            assertThat(parentPage.locator(".message--mine .receipt").last()).containsText("Read");
            page = parentPage;
            screenshot("live-read");

            // With the thread open on the tutor's side, the parent writes: it appears there, and reads at once.
            streamOpen(tutorPage);
            parentPage.getByLabel("Your message").fill("Thank you!");
            parentPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            parentPage.waitForURL(u -> u.contains("#m-") && !u.endsWith("#m-" + first.id()));
            Locator last = tutorPage.locator(".message").last();
            assertThat(last.locator(".message__text")).hasText("Thank you!");
            assertEquals(3, tutorPage.locator(".message").count());
            page = tutorPage;
            screenshot("live-thread");
            assertAccessible();

            // The tutor answers; the parent is on the list now: the unread badge appears there without reload.
            parentPage.navigate(url("/messages"));
            Locator parentRow = parentPage.locator("#thread-" + first.threadId());
            assertThat(parentRow.locator(".badge--unread")).hasCount(0);
            streamOpen(parentPage);
            tutorPage.getByLabel("Your message").fill("Yes, Thursday at 5 pm. See you then.");
            tutorPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            assertThat(parentRow.locator(".badge--unread")).hasText("1 unread");
            assertThat(parentRow.locator(".thread-row__preview")).containsText("Thursday at 5 pm");

            // A plain refresh shows the same.
            parentPage.reload();
            assertThat(parentPage.locator("#thread-" + first.threadId() + " .badge--unread")).hasText("1 unread");
            tutorPage.reload();
            assertEquals(4, tutorPage.locator(".message").count());
            assertTrue(consoleErrors.isEmpty(), "the CSP refused: " + consoleErrors);
        } finally {
            page = parentPage;
            tutorContext.close();
        }
    }

    /** Waits until the page's EventSource on /api/events is open (the stream is registered by then). */
    private static void streamOpen(Page p) {
        p.waitForFunction("() => (window.__live || []).some(s => s.readyState === 1 && s.url.endsWith('/api/events'))");
    }
}
