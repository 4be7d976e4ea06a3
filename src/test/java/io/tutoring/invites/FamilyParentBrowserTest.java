package io.tutoring.invites;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Journey 3, a parent on {@code /family}: invites a child by email and by phone, revokes an invite, sees the child
 * confirm (in the child's own browser), sees the link and who answered, removes the link.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class FamilyParentBrowserTest extends BrowserTest {

    @Test
    void aParentInvitesTheirChildAndManagesTheLink() {
        signIn("alex", "PARENT");
        page.navigate(url("/family"));
        assertThat(page.locator("#children-title + p")).containsText("No child is linked yet");

        // A wrong phone number: said next to the field, and at the top.
        page.getByLabel("or their phone number").fill("12345");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invite")).click();
        assertThat(page.locator(".error-summary")).containsText("Enter the phone number with its country code");
        assertThat(page.locator("#studentPhone-error")).isVisible();
        assertThat(page.locator("#studentPhone")).hasValue("12345");
        screenshot("family-parent-error");
        assertAccessible();

        page.getByLabel("or their phone number").fill("+44 20 7946 0018");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invite")).click();
        assertThat(page.locator(".notice")).hasText("Invite sent. Your child will see it when they sign in.");
        assertThat(page.locator(".invites")).containsText("+44 20 7946 0018");

        page.getByLabel("Your child's email").fill("kim@example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invite")).click();
        assertThat(page.locator(".invites li").first()).containsText("kim@example.com");
        assertThat(page.locator(".invites li").first()).containsText("Waiting for an answer");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the invite to +44 20 7946 0018"))
                .click();
        assertThat(page.locator(".notice")).hasText("Invite revoked. Its link no longer works.");
        assertThat(page.locator(".invites li").nth(1)).containsText("Revoked");

        // Kim (the dev service's user "kim", email kim@example.com) confirms in her own browser.
        try (BrowserContext kimContext = browser().newContext()) {
            Page mine = page;
            page = kimContext.newPage();
            signIn("kim", "STUDENT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm Alex as your parent"))
                    .click();
            assertThat(page.locator(".links")).containsText("Alex");
            page = mine;
        }

        page.reload();
        assertThat(page.locator(".links")).containsText("Kim");
        assertThat(page.locator(".invites li").first()).containsText("Confirmed");
        assertThat(page.locator(".invites li").first()).containsText("Answered by Kim");
        screenshot("family-parent");
        assertAccessible();

        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Kim")).click();
        assertThat(page.locator(".notice")).hasText("Link removed.");
        assertThat(page.locator("#children-title + p")).containsText("No child is linked yet");
        assertEquals(0, page.locator(".links").count());
    }
}
