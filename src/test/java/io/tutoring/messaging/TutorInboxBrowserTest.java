package io.tutoring.messaging;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import io.tutoring.users.Role;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Journey 5, the tutor: the inbox with student and parent names and unread badges, pinned first; pin and unpin,
 * snooze until tomorrow morning or next week and wake, the filters (unread, pinned, snoozed, by student); opening a
 * thread clears its badge.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class TutorInboxBrowserTest extends BrowserTest {

    @Inject
    PageCast cast;

    @Test
    void aTutorWorksThroughTheInbox() {
        // Fixed names: the screenshots stay the same from run to run.
        PageCast.Member tutor = cast.signsInAs("hughes", Role.TUTOR);
        UUID leo = family(tutor, "leo", "Leo Fox", "Dana Fox", "Could you send Leo's homework plan for next week? "
                + "<b>Thanks</b>");
        UUID ada = family(tutor, "ada", "Ada King", "Omar King", "Ada is ill today and will miss the lesson.");
        UUID max = family(tutor, "max", "Max Stone", "Jo Stone", "\"><img src=x onerror=alert(1)> is what Max typed");
        page.onDialog(d -> {
            throw new AssertionError("a dialog opened: " + d.message());
        });

        signIn("hughes", "TUTOR");
        assertEquals("/messages", path());
        Locator rows = page.locator(".thread-row");
        assertThat(rows).hasCount(3);
        assertThat(rows.first()).containsText("Max Stone");
        assertThat(row(leo)).containsText("with Dana Fox");
        assertThat(row(leo).locator(".badge--unread")).hasText("1 unread");
        assertThat(row(leo).locator(".thread-row__preview")).containsText("<b>Thanks</b>");
        assertThat(row(max).locator(".thread-row__preview")).containsText("\"><img src=x onerror=alert(1)>");

        // Pin Ada's thread: it goes first and says so.
        row(ada).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pin Ada King, Omar King")).click();
        assertThat(rows.first()).containsText("Ada King");
        assertThat(row(ada).locator(".badge")).containsText(new String[] {"1 unread", "Pinned"});
        screenshot("inbox");
        assertAccessible();

        // Snooze Leo's thread until tomorrow morning: it leaves the inbox, the snoozed filter shows it.
        row(leo).locator("summary").click();
        row(leo).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tomorrow morning")).click();
        assertThat(rows).hasCount(2);
        assertThat(row(leo)).hasCount(0);
        page.getByLabel("Show").selectOption("snoozed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(rows).hasCount(1);
        assertThat(row(leo)).containsText("Snoozed until");
        assertThat(row(leo)).containsText("08:00");
        screenshot("inbox-snoozed");
        assertAccessible();
        row(leo).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Wake now Leo Fox, Dana Fox"))
                .click();
        assertEquals("/messages?show=snoozed", path());
        assertThat(page.locator(".empty")).hasText("Nothing matches these filters.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clear filters")).click();
        assertThat(rows).hasCount(3);

        // Next week, then wake it from the snoozed list with the keyboard only.
        row(leo).locator("summary").focus();
        page.keyboard().press("Enter");
        row(leo).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next week")).focus();
        page.keyboard().press("Enter");
        assertThat(rows).hasCount(2);
        page.navigate(url("/messages?show=snoozed"));
        row(leo).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Wake now Leo Fox, Dana Fox"))
                .focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".empty")).hasText("Nothing matches these filters.");

        // Filters: pinned, by student, unread.
        page.navigate(url("/messages?show=pinned"));
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("Ada King");
        page.navigate(url("/messages"));
        page.getByLabel("Student").selectOption(new SelectOption().setLabel("Max Stone"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("Max Stone");

        // Opening a thread reads it: its badge is gone, and "only unread" leaves it out.
        page.navigate(url("/threads/" + max));
        assertThat(page.locator("h1")).containsText("Max Stone");
        assertThat(page.locator(".message__text")).hasText("\"><img src=x onerror=alert(1)> is what Max typed");
        page.navigate(url("/messages?unread=true"));
        assertThat(rows).hasCount(2);
        assertThat(row(max)).hasCount(0);

        // Unpin.
        page.navigate(url("/messages"));
        row(ada).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unpin Ada King, Omar King"))
                .click();
        assertThat(row(ada).locator(".badge")).not().containsText(new String[] {"Pinned"});
    }

    private Locator row(UUID thread) {
        return page.locator("#thread-" + thread);
    }

    /** A parent linked to a student the tutor teaches, who writes first; the thread. */
    private UUID family(PageCast.Member tutor, String key, String studentName, String parentName, String text) {
        PageCast.Member student = cast.register("student-" + key, studentName, Role.STUDENT);
        PageCast.Member parent = cast.register("parent-" + key, parentName, Role.PARENT);
        cast.enroll(student, tutor);
        cast.link(parent, student);
        return cast.send(parent, tutor, student, parent, text).threadId();
    }
}
