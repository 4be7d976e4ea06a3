package io.tutoring.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation's journey in a real browser: the signed-out start page, signing in on the identity provider's
 * login page and landing on the role's home, signing out, an error page, a session that ends during an htmx
 * request, and a forged form post.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class PagesBrowserTest extends BrowserTest {

    @Test
    void signedOutStartPageSaysWhatThisIsAndOffersSignIn() {
        page.navigate(url("/"));
        assertThat(page.locator("h1")).hasText("Talk to your child's tutors, in one place");
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Sign in").setExact(true)).first()).isVisible();
        assertThat(page).hasTitle("Family messages");
        // The page script told the server the reader's time zone (the browser runs in Europe/London).
        assertEquals("Europe%2FLondon", context.cookies(url("/")).stream().filter(c -> c.name.equals("tz"))
                .findFirst().orElseThrow().value);
        screenshot("home");
        assertAccessible();

        // Keyboard only: the skip link comes first and is visible when focused, then the header, then sign in.
        assertEquals("a:Skip to main content", tab());
        assertThat(page.locator(".skip-link")).isInViewport();
        page.keyboard().press("Enter");
        assertEquals("main", page.evaluate("() => document.activeElement.id"));
        assertEquals("a:Sign in", tab());
        page.keyboard().press("Enter");
        page.waitForURL(u -> u.contains("/authorize"));
    }

    @Test
    void signingInLandsOnTheHomeOfTheRole() {
        // A fixed name (the dev service's alice) keeps the screenshot the same from run to run.
        signIn("alice", "PARENT");
        assertEquals("/messages", path());
        assertThat(page.locator(".account-name")).hasText("Signed in as Alice");
        assertThat(page.locator(".site-nav a[aria-current=page]")).hasText("Messages");
        assertThat(page.locator(".site-nav")).containsText("Messages");
        assertThat(page.locator(".site-nav")).containsText("Family");
        assertThat(page.locator(".site-nav")).not().containsText("Admin");
        screenshot("signed-in");
        assertAccessible();
        // The start page now goes straight home.
        page.navigate(url("/"));
        assertEquals("/messages", path());

        for (String[] role : List.of(new String[] {"STUDENT", "/family"}, new String[] {"ADMIN", "/admin"},
                new String[] {"TUTOR", "/messages"})) {
            context.clearCookies();
            signIn(role[0].toLowerCase() + "-" + unique(), role[0]);
            assertEquals(role[1], path(), role[0]);
        }
    }

    @Test
    void aSignedOutLinkComesBackToItsPageAfterSignIn() {
        page.navigate(url("/family?tab=invites"));
        loginAtProvider("student-" + unique(), "STUDENT");
        assertEquals("/family?tab=invites", path());
    }

    @Test
    void signingOutEndsTheSession() {
        signIn("parent-" + unique(), "PARENT");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL(url("/"));
        assertThat(page.locator("h1")).hasText("Talk to your child's tutors, in one place");
        assertTrue(sessionCookies().isEmpty(), "session cookie left behind: " + sessionCookies());
        // A page that needs the session now asks to sign in again.
        page.navigate(url("/messages"));
        page.waitForURL(u -> u.contains("/authorize"));
    }

    @Test
    void errorPagesAreInTheLayoutAndSayWhatToDo() {
        signIn("carol", "STUDENT");
        Response missing = page.navigate(url("/no-such-page/" + UUID.randomUUID()));
        assertEquals(404, missing.status());
        assertThat(page.locator("h1")).hasText("We could not find that page");
        assertThat(page.locator(".account-name")).containsText("Signed in as");
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Go to the start page"))).isVisible();
        screenshot("error-404");
        assertAccessible();

        Response forbidden = page.navigate(url("/admin"));
        assertEquals(403, forbidden.status());
        assertThat(page.locator("h1")).hasText("You cannot open this page");
        assertAccessible();
    }

    @Test
    void aSessionEndingDuringAnHtmxRequestGoesToTheLoginPage() {
        signIn("tutor-" + unique(), "TUTOR");
        assertEquals("/messages", path());
        // The session cookie expires (the browser drops it); the page is still open and makes an htmx request.
        context.clearCookies(new BrowserContext.ClearCookiesOptions().setName(Pattern.compile("^q_session.*")));
        page.evaluate("() => htmx.ajax('GET', '/messages', {target: 'main'})");
        page.waitForURL(u -> u.contains("/authorize"));
        loginAtProvider("tutor-again-" + unique(), "TUTOR");
        assertEquals("/messages", path());
        assertThat(page.locator("main h1")).hasText("Messages");
    }

    @Test
    void htmxRequestsCarryTheCsrfTokenAndErrorPagesReplaceTheContent() {
        signIn("parent-" + unique(), "PARENT");
        // An htmx POST to a page (here one that does not exist): the token header passes the CSRF check, so the
        // answer is the 404 page, shown in place of the content instead of being dropped.
        page.evaluate("() => htmx.ajax('POST', '/no-such-form', {target: 'main'})");
        assertThat(page.locator("main h1")).hasText("We could not find that page");
        assertEquals(1, page.locator("header.site-header").count());
    }

    @Test
    void aForgedFormPostIsRefused() {
        signIn("parent-" + unique(), "PARENT");
        // A form that did not come from our page: a made-up token, then none at all.
        for (String forged : List.of("<input type=hidden name=csrf-token value=forged>", "")) {
            page.evaluate("html => { const f = document.createElement('form'); f.method = 'post';"
                    + " f.action = '/signout'; f.innerHTML = html; document.body.append(f); f.submit(); }", forged);
            page.waitForLoadState();
            assertThat(page.locator("h1")).hasText("That did not work");
        }
        // Still signed in.
        page.navigate(url("/"));
        assertEquals("/messages", path());
    }

    @Test
    void thePageSessionDoesNotOpenTheJsonApi() {
        signIn("parent-" + unique(), "PARENT");
        String cookies = context.cookies(url("/")).stream().map(c -> c.name + "=" + c.value)
                .collect(Collectors.joining("; "));
        RestAssured.given().header("Cookie", cookies).redirects().follow(false).get(url("/api/me")).then()
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("bearer token"));
    }

    private List<Cookie> sessionCookies() {
        return context.cookies(url("/")).stream().filter(c -> c.name.startsWith("q_session")).toList();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
