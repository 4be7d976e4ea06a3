package io.tutoring.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey 7 in a real browser: each failure a person can meet (403, 409, 429, 500, 503, a mistyped address the
 * HTTP guards refuse; the 404 is in PagesBrowserTest) is a page in the site's layout, signed in, with what to do next and a way home, never JSON or
 * a stack trace; each is screenshot and checked with axe. Also what the browser keeps of the session: cookies it
 * cannot read from scripts and does not send from other sites.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class ErrorPagesBrowserTest extends BrowserTest {

    private record Failure(String path, int status, String title, String advice) {
    }

    @Test
    void everyFailureIsAPageInTheLayoutThatSaysWhatToDoNext() {
        signIn("carol", "STUDENT");
        for (Failure f : List.of(
                new Failure("/admin", 403, "You cannot open this page", "contact the platform's support"),
                new Failure("/test-only/fail/conflict", 409, "This was already done, or cannot be done now",
                        "Reload it to see the current state"),
                new Failure("/test-only/fail/rate-limited", 429, "Too many tries",
                        "Please wait a few minutes, then try again."),
                new Failure("/test-only/fail/bug", 500, "Sorry, something went wrong on our side",
                        "Please try again in a few minutes"),
                new Failure("/test-only/fail/unavailable", 503, "The service is busy or down for a moment",
                        "Please try again in a few minutes."))) {
            Response response = page.navigate(url(f.path()));
            assertEquals(f.status(), response.status(), f.path());
            assertTrue(response.headerValue("content-type").startsWith("text/html"), f.path());
            assertThat(page.locator("main h1")).hasText(f.title());
            assertThat(page.locator("main")).containsText(f.advice());
            assertThat(page.locator(".error-page__code")).hasText("Error " + f.status());
            assertThat(page.locator(".account-name")).hasText("Signed in as Carol");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the start page")))
                    .isVisible();
            String html = page.content();
            assertFalse(html.contains("hunter2") || html.contains("Exception") || html.contains("\"status\""),
                    f.path() + ":\n" + html);
            screenshot("error-" + f.status());
            assertAccessible();
        }
        // What to do next works: the start page takes the student home.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the start page")).click();
        page.waitForURL(url("/family"));
    }

    /**
     * A mistyped address with a broken %-escape is refused before the application runs (issue 11 item 4): still a
     * page with the way home, not the problem+json the API gets, and not a blank answer.
     */
    @Test
    void aMistypedAddressIsAPageWithTheWayHome() {
        signIn("dan", "PARENT");
        Response response = page.navigate(url("/messages?student=100%"));
        assertEquals(400, response.status());
        assertTrue(response.headerValue("content-type").startsWith("text/html"));
        assertThat(page.locator(".error-page__code")).hasText("Error 400");
        assertThat(page.locator("main h1")).hasText("This address does not work");
        assertThat(page.locator("main")).containsText("mistyped or cut short");
        screenshot("error-refused");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the start page")).click();
        page.waitForURL(url("/messages"));
    }

    @Test
    void theSessionCookiesAreHttpOnlyAndSameSiteLax() {
        signIn("parent-cookies", "PARENT");
        List<Cookie> cookies = context.cookies(url("/"));
        List<Cookie> session = cookies.stream().filter(c -> c.name.startsWith("q_session")).toList();
        assertFalse(session.isEmpty(), "no session cookie: " + cookies.stream().map(c -> c.name).toList());
        for (Cookie c : session) {
            assertTrue(c.httpOnly, c.name + " readable from scripts");
            assertEquals(SameSiteAttribute.LAX, c.sameSite, c.name);
        }
        Cookie csrf = cookies.stream().filter(c -> c.name.equals("csrf-token")).findFirst().orElseThrow();
        assertTrue(csrf.httpOnly, "csrf-token readable from scripts");
        assertEquals(SameSiteAttribute.LAX, csrf.sameSite);
        // Scripts on the page see neither (only the time zone cookie the page script sets itself).
        String visible = (String) page.evaluate("() => document.cookie");
        assertFalse(visible.contains("q_session") || visible.contains("csrf-token"), visible);
    }
}
