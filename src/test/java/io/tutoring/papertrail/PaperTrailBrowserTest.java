package io.tutoring.papertrail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.messaging.MessageView;
import io.tutoring.messaging.MessagingService;
import io.tutoring.messaging.PageCast;
import io.tutoring.messaging.SendMessageRequest;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import io.tutoring.users.Role;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paper trail in the browser: a parent acknowledges a tutor's message that asks for it and sees
 * "Acknowledged" with the time, asks for an acknowledgement in a reply, and opens the thread's history, where an
 * administrator's export of the conversation is listed with the administrator's name.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class PaperTrailBrowserTest extends BrowserTest {

    @Inject
    PageCast cast;

    @Inject
    MessagingService messaging;

    @Inject
    PaperTrailService paperTrail;

    @Test
    void aParentAcknowledgesAsksForAnAcknowledgementAndSeesTheAdminReadInTheHistory() {
        // Fixed names: the screenshots stay the same from run to run.
        PageCast.Member parent = cast.signsInAs("nadia", Role.PARENT);
        PageCast.Member leo = cast.register("student-leo", "Leo Haddad", Role.STUDENT);
        PageCast.Member brandt = cast.register("tutor-brandt", "Mr Brandt", Role.TUTOR);
        PageCast.Member admin = cast.register("admin-ada", "Ada Admin", Role.ADMIN);
        cast.enroll(leo, brandt);
        cast.link(parent, leo);
        cast.send(brandt, brandt, leo, parent, "Welcome! Lessons are on Tuesdays at 4 pm.");
        MessageView asked = messaging.send(brandt.caller(), new SendMessageRequest(brandt.id(), leo.id(),
                "The fee for next term is due on 1 March. Please confirm that you have seen this.", null,
                parent.id(), true));
        paperTrail.forAdmin(admin.caller(), asked.threadId());

        signIn("nadia", "PARENT");
        page.navigate(url("/threads/" + asked.threadId()));
        Locator message = page.locator("#m-" + asked.id());
        assertThat(message.locator(".message__ack-label")).hasText("Please acknowledge");
        screenshot("thread-ack-asked");
        assertAccessible();

        message.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        page.waitForURL(u -> u.contains("#m-" + asked.id()));
        message = page.locator("#m-" + asked.id());
        assertThat(message.locator(".message__ack--done")).containsText("Acknowledged");
        assertThat(message.locator(".message__ack--done time")).hasAttribute("datetime",
                java.util.regex.Pattern.compile("Z$"));
        assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge"))
                .count());

        // A reply that asks the tutor for an acknowledgement.
        page.getByLabel("Your message").fill("Seen, thank you. Could you confirm the new lesson time?");
        page.getByLabel("Ask for an acknowledgement").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL(u -> u.contains("#m-") && !u.contains(asked.id().toString()));
        assertThat(page.locator(".message--mine").last().locator(".message__ack"))
                .hasText("Acknowledgement requested");
        screenshot("thread-ack-done");
        assertAccessible();

        // The history: the family's steps and the admin's export, with the admin's name.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("History (who linked, who read)")).click();
        page.waitForURL(u -> u.endsWith("/history"));
        assertTrue(path().endsWith("/threads/" + asked.threadId() + "/history"), path());
        Locator adminRead = page.locator(".history__entry--admin");
        assertThat(adminRead).hasCount(1);
        assertThat(adminRead).containsText("An administrator exported the conversation");
        assertThat(adminRead).containsText("Ada Admin");
        assertThat(page.locator(".history__admin-count")).containsText("Administrator reads of this conversation: 1");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download (PDF)")))
                .hasAttribute("href", "/threads/" + asked.threadId() + "/export?format=pdf");
        screenshot("thread-history");
        assertAccessible();
    }
}
