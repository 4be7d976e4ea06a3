package io.tutoring.admin;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.enrollments.Enrollments;
import io.tutoring.links.Links;
import io.tutoring.messaging.MessagingService;
import io.tutoring.messaging.SendMessageRequest;
import io.tutoring.support.TestClock;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Journey 6 in a real browser: the admin finds a family's conversations by the parent, opens one under the banner
 * saying the read is recorded, and finds the read in the audit. The family is set up through the services (this
 * profile has no API token issuer) with fixed names and, through the test clock, fixed times, so that the
 * screenshots change only when the pages do.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class AdminBrowserTest extends BrowserTest {

    /** When the family's first message was sent, as the screenshots show it. */
    private static final Instant MORNING = Instant.parse("2026-03-03T08:30:00Z");

    @Inject
    UserDirectory users;

    @Inject
    Enrollments enrollments;

    @Inject
    Links links;

    @Inject
    MessagingService messaging;

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void anAdminFindsAParentsThreadReadsItUnderTheBannerAndTheAuditShowsTheRead() {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), MORNING));
        UUID priya = person("admin-journey-priya", "Priya Shah", "PARENT");
        UUID sam = person("admin-journey-sam", "Sam Shah", "STUDENT");
        UUID tom = person("admin-journey-tom", "Tom Baker", "TUTOR");
        UUID ana = person("admin-journey-ana", "Ana Lopez", "TUTOR");
        enrollments.enroll(sam, tom);
        enrollments.enroll(sam, ana);
        links.link(priya, sam, Links.Action.CREATED_BY_ADMIN, null);
        Caller parent = new Caller(priya, Set.of(Role.PARENT));
        UUID thread = messaging.send(parent, new SendMessageRequest(tom, sam, "Hello Tom, Sam found this week's "
                + "fractions homework hard. Could you go over it again on Thursday?", null, null)).threadId();
        clock.advance(Duration.ofMinutes(42));
        messaging.send(new Caller(tom, Set.of(Role.TUTOR)), new SendMessageRequest(tom, sam, "Of course. We will "
                + "start Thursday's lesson with fractions, and I will bring a practice sheet.", null, priya));
        clock.advance(Duration.ofMinutes(95));
        messaging.send(parent, new SendMessageRequest(ana, sam, "Sam will miss Monday's lesson: we are away "
                + "that day.", null, null));
        clock.advance(Duration.ofMinutes(30));

        signIn("admin", "ADMIN");
        assertEquals("/admin", path());
        assertThat(page.locator("h1")).hasText("Find conversations");

        // Find the family by the parent's name (the keyboard's Enter submits the search).
        page.getByLabel("Name or email of a parent, tutor or student").fill("shah");
        page.keyboard().press("Enter");
        page.waitForURL(u -> u.endsWith("/admin?q=shah"));
        assertThat(page.locator(".admin-person")).hasCount(2);
        assertThat(page.locator(".admin-person").first()).containsText("Priya Shah");
        assertThat(page.locator(".admin-person").first()).containsText("Parent");
        screenshot("admin-search");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Conversations as parent\\W+Priya Shah$"))).click();
        assertEquals("/admin?parentId=" + priya, path());
        assertThat(page.locator("#threads-title")).hasText("Conversations of Priya Shah, as parent");
        assertThat(page.locator(".admin-thread")).hasCount(2);
        assertThat(page.locator(".admin-thread").first()).containsText("Sam Shah with Ana Lopez");
        screenshot("admin-threads");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sam Shah with Tom Baker")).click();
        assertEquals("/admin/threads/" + thread, path());
        assertThat(page.locator(".admin-banner")).containsText("This read is recorded and the family can see it");
        assertThat(page.locator(".admin-banner")).isVisible();
        assertThat(page.locator(".admin-message")).hasCount(2);
        assertThat(page.locator(".admin-message").first()).containsText("Priya Shah (parent)");
        assertThat(page.locator(".admin-message").first()).containsText("fractions homework");
        assertThat(page.locator(".admin-message").first()).containsText("Not read yet by the other side");
        screenshot("admin-thread");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who has read this conversation")).click();
        assertThat(page.locator("h1")).hasText("Reads of one conversation");
        assertThat(page.locator(".admin-audit tbody tr")).hasCount(1);
        assertThat(page.locator(".admin-audit tbody tr")).containsText("Sam Shah with Tom Baker");
        assertThat(page.locator(".admin-audit tbody tr")).containsText("Read the messages");
        screenshot("admin-audit");
        assertAccessible();

        // The whole audit has the read too, and the menu marks where the admin is.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show the reads of every conversation"))
                .click();
        assertThat(page.locator("h1")).hasText("Audit of admin reads");
        assertThat(page.locator(".admin-audit")).containsText("Sam Shah with Tom Baker");
        assertThat(page.locator(".admin-nav a[aria-current=true]")).hasText("Audit of reads");
        assertThat(page.locator(".site-nav a[aria-current=page]")).hasText("Admin");

        // Keyboard only: the skip link, then the header, then the page.
        assertEquals("a:Skip to main content", tab());
    }

    /** A user as the back office registers them ahead of their first sign-in. */
    private UUID person(String subject, String name, String role) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org";
        return users.register(subject, email, name, null, "{" + role + "}");
    }
}
