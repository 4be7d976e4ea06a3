package io.tutoring.support.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the browser tests: Debian's headless Chromium driven by Playwright, one browser for the whole test run,
 * a fresh browser context (cookies, storage) per test. Subclasses are {@code @QuarkusTest
 * @TestProfile(BrowserProfile.class)}, so signing in goes through the OIDC Dev Service's real login page.
 * <ul>
 * <li>{@link #signIn(String, String...)}: sign in as a named user with roles, on the provider's login page;</li>
 * <li>{@link #screenshot(String)}: {@code docs/screenshots/<name>-360.png} and {@code -1280.png};</li>
 * <li>{@link #assertAccessible()}: axe-core (WCAG 2.2 A and AA rules); fails on serious or critical findings.</li>
 * </ul>
 * Playwright's driver (its own Node, inside the driver-bundle jar) runs offline; it never downloads a browser.
 */
public abstract class BrowserTest {

    public static final int PHONE = 360;
    public static final int DESKTOP = 1280;
    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    protected URL base;

    protected BrowserContext context;
    protected Page page;

    /** The one browser of this JVM, started on first use and closed when the JVM ends. */
    protected static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(java.nio.file.Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    @BeforeEach
    void openBrowserContext() {
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(DESKTOP, 800)
                .setLocale("en-GB").setTimezoneId("Europe/London"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserContext() {
        if (context != null) {
            context.close();
        }
    }

    /** The absolute URL of a path of the app under test. */
    protected String url(String path) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return root + path;
    }

    /** True while the browser shows a page of the app (not the identity provider's). */
    protected boolean onApp() {
        return page.url().startsWith(url("/"));
    }

    /**
     * Signs in from the start page through the identity provider's login page, as a user of this name with these
     * roles (the dev service's "custom user" form; the subject is the name, so a new name is a new person).
     * Ends on the page the app sends this person to.
     */
    protected void signIn(String user, String... roles) {
        page.navigate(url("/"));
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Sign in").setExact(true)).first().click();
        loginAtProvider(user, roles);
    }

    /** Fills the OIDC Dev Service's login page (the browser must be on it) and waits to be back on the app. */
    protected void loginAtProvider(String user, String... roles) {
        page.waitForURL(u -> u.contains("/authorize"));
        page.locator("summary.custom-link").click();
        page.locator("form.custom-form input[name=name]").fill(user);
        page.locator("form.custom-form input[name=roles]").fill(String.join(",", roles));
        page.locator("form.custom-form button[name=login]").click();
        page.waitForURL(u -> u.startsWith(url("/")) && !u.contains("/signin"));
    }

    /** The path (and query) the browser shows, e.g. {@code /messages}. */
    protected String path() {
        return page.url().substring(url("").length());
    }

    /** Screenshots of the current page, full length, at phone and desktop width, into docs/screenshots. */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (int width : new int[] {PHONE, DESKTOP}) {
            page.setViewportSize(width, 800);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")));
        }
        page.setViewportSize(DESKTOP, 800);
    }

    /** axe-core over the current page at phone and desktop width; fails on any serious or critical violation. */
    protected void assertAccessible() {
        for (int width : new int[] {PHONE, DESKTOP}) {
            page.setViewportSize(width, 800);
            AxeResults results = new AxeBuilder(page)
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                    .analyze();
            List<Rule> bad = results.getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .toList();
            if (!bad.isEmpty()) {
                fail("Accessibility violations on " + path() + " at " + width + " px:\n" + bad.stream()
                        .map(v -> "- " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                                        .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")));
            }
        }
        page.setViewportSize(DESKTOP, 800);
    }

    /** Presses Tab and returns a short description of what has the focus, asserting its focus ring is visible. */
    protected String tab() {
        page.keyboard().press("Tab");
        Object outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
        String focused = (String) page.evaluate("() => { const e = document.activeElement;"
                + " return e.tagName.toLowerCase() + ':' + (e.innerText || e.value || '').trim(); }");
        assertTrue(!"none".equals(outline), "no visible focus ring on " + focused);
        return focused;
    }
}
