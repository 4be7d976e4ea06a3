package io.tutoring.notifications;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import io.tutoring.users.EmailFrequency;
import io.tutoring.users.PreferencesService;
import io.tutoring.common.Sql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The settings page (a tutor's office hours included) and the unsubscribe page of a mail's link, in a browser. */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class SettingsBrowserTest extends BrowserTest {

    @Inject
    PreferencesService preferences;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    Sql sql;

    private UUID idOfSubject(String subject) {
        return sql.query("select id from app_user where subject = :s").bind("s", subject)
                .one(rs -> Sql.uuid(rs, "id"));
    }

    @Test
    void aTutorSetsMailQuietHoursAndOfficeHours() {
        signIn("bob", "TUTOR");
        page.navigate(url("/settings"));
        assertThat(page.locator("h1")).hasText("Settings");
        page.getByLabel("Once a day, as a summary").check();
        page.getByLabel("Time of the daily summary").selectOption("7");
        page.getByLabel("Your time zone").selectOption("Europe/Berlin");
        page.getByLabel("Do not email me during quiet hours; emails wait until they end.").check();
        page.locator("#quietFrom").fill("21:00");
        page.locator("#quietTo").fill("07:00");
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) {
            page.locator("#office-" + day).check();
            page.locator("#from-" + day).fill("15:00");
            page.locator("#to-" + day).fill("19:00");
        }
        page.getByLabel("Usual reply time").selectOption("24");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.locator(".settings__saved")).hasText("Your settings are saved.");
        assertThat(page.getByLabel("Once a day, as a summary")).isChecked();
        assertThat(page.locator("#from-FRIDAY")).hasValue("15:00");
        screenshot("settings-tutor");
        assertAccessible();

        UUID bob = idOfSubject("bob");
        var saved = preferences.of(bob);
        assertEquals(EmailFrequency.DAILY, saved.email());
        assertEquals(7, saved.digestHour());
        assertEquals(5, saved.officeHours().size());
        assertEquals(DayOfWeek.MONDAY, saved.officeHours().get(0).day());
        assertEquals(24, saved.replyWithinHours());

        // A mistake re-renders the form with the message next to the field and a summary at the top.
        page.locator("#office-SATURDAY").check();
        page.locator("#from-SATURDAY").fill("12:00");
        page.locator("#to-SATURDAY").fill("10:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.locator(".error-summary")).containsText("must be after from");
        assertAccessible();
    }

    @Test
    void aParentSeesNoOfficeHours() {
        signIn("alice", "PARENT");
        page.navigate(url("/settings"));
        assertThat(page.locator("#office-MONDAY")).hasCount(0);
        screenshot("settings");
        assertAccessible();
    }

    @Test
    void theUnsubscribeLinkAsksForOneClick() {
        String name = "unsub-" + UUID.randomUUID().toString().substring(0, 8);
        signIn(name, "PARENT");
        page.navigate(url("/settings"));   // the first page that needs the user row creates it
        UUID user = idOfSubject(name);
        context.clearCookies();
        page.navigate(url("/unsubscribe#token=" + tokens.sign(user, MailKind.MESSAGES)));
        assertEquals(EmailFrequency.BATCHED, preferences.of(user).email(), "opening the page changes nothing");
        assertThat(page.locator("h1")).hasText("Stop emails about unread messages");
        screenshot("unsubscribe");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop these emails")).click();
        assertThat(page.locator("#unsubscribe-status")).containsText("Done");
        assertEquals(EmailFrequency.OFF, preferences.of(user).email());

        page.navigate("about:blank");   // a new document: a change of the fragment alone does not reload the page
        page.navigate(url("/unsubscribe#token=forged.token"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop these emails")).click();
        assertThat(page.locator("#unsubscribe-status")).containsText("did not work");
    }
}
