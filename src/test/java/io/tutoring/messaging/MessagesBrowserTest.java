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
import io.tutoring.support.browser.BrowserProfile;
import io.tutoring.support.browser.BrowserTest;
import io.tutoring.users.Role;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tutoring.messaging.PageCast.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey 1, the parent: the thread list with its unread badge, a new thread (a linked student, then only that
 * student's tutors), the conversation with read receipts, a reply with an image uploaded straight to S3 (progress
 * shown) and previewed through the authorized download, older messages on demand; and the same without JavaScript.
 * Every user-written text carries markup that must stay text.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
class MessagesBrowserTest extends BrowserTest {

    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";

    @Inject
    PageCast cast;

    private final List<String> dialogs = new ArrayList<>();

    @BeforeEach
    void noDialogs() {
        // Escaping that failed would run the alert() of a message: any dialog fails the test.
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
    }

    @Test
    void aParentStartsAThreadRepliesWithAnImageAndSeesReceipts() throws IOException {
        // Fixed names: the screenshots stay the same from run to run.
        PageCast.Member parent = cast.signsInAs("priya", Role.PARENT);
        PageCast.Member sam = cast.register("student-sam", "Sam Patel", Role.STUDENT);
        PageCast.Member mia = cast.register("student-mia", "Mia Patel", Role.STUDENT);
        PageCast.Member okafor = cast.signsInAs("okafor", Role.TUTOR);
        PageCast.Member lindqvist = cast.register("tutor-lindqvist", "Ms Lindqvist", Role.TUTOR);
        cast.enroll(sam, okafor);
        cast.enroll(mia, lindqvist);
        cast.link(parent, sam);
        cast.link(parent, mia);
        MessageView earlier = cast.send(lindqvist, lindqvist, mia, parent,
                "Mia did very well in today's reading test " + SCRIPT + ". Could we move Thursday's lesson to 5 pm?");

        signIn("priya", "PARENT");
        assertEquals("/messages", path());
        Locator row = page.locator("#thread-" + earlier.threadId());
        assertThat(row).containsText("Mia Patel");
        assertThat(row).containsText("with Ms Lindqvist");
        assertThat(row.locator(".badge--unread")).hasText("1 unread");
        assertThat(row.locator(".thread-row__preview")).containsText(SCRIPT);
        screenshot("messages");
        assertAccessible();

        // A new thread: the student first, then only that student's tutors (htmx swaps the form's second step in).
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a new message")).click();
        assertEquals("/messages/new", path());
        assertAccessible();
        page.getByLabel("Student").focus();
        page.getByLabel("Student").selectOption(new SelectOption().setLabel("Sam Patel"));
        Locator tutor = page.getByLabel("Tutor");
        assertThat(tutor).isVisible();
        assertThat(tutor.locator("option")).hasText(new String[] {"Okafor"});
        // The swap keeps the keyboard where it was.
        assertThat(page.getByLabel("Student")).isFocused();
        page.getByLabel("Message").fill("Hello Mr Okafor, Sam found the fractions homework hard " + IMG);
        screenshot("messages-new");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL(u -> u.contains("/threads/"));
        UUID thread = UUID.fromString(path().substring("/threads/".length()).replaceAll("#.*", ""));
        Locator mine = page.locator(".message--mine").last();
        assertThat(mine.locator(".message__text")).hasText("Hello Mr Okafor, Sam found the fractions homework hard "
                + IMG);
        assertThat(mine.locator(".receipt")).hasText("Sent");
        assertEquals(0, page.locator(".message__text img").count());

        // The tutor reads and answers; the parent's page shows "Read" with the time, and the answer.
        cast.open(okafor, thread);
        cast.send(okafor, okafor, sam, parent, "Thanks for telling me. We will go over it on Monday.");
        page.reload();
        assertThat(page.locator(".message--mine .receipt")).containsText("Read");
        assertThat(page.locator(".message").last()).containsText("We will go over it on Monday");

        // A reply with an image: asked for, PUT straight to S3 with progress, sent, previewed through /attachments.
        page.getByLabel("Your message").fill("Here is the worksheet.");
        page.getByLabel("Attach one image").setInputFiles(new FilePayload(IMG + ".png", "image/png", png()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL(u -> u.contains("#m-"));
        Locator withFile = page.locator(".message--mine").last();
        // The service makes the name safe for a download (quotes and angle brackets go); the rest is text.
        assertThat(withFile.locator(".message__file-link")).containsText("img src=x onerror=alert(1)");
        assertEquals(0, page.locator("img[src=x]").count());
        assertThat(withFile.locator(".message__file-link")).hasAttribute("target", "_blank");
        Locator preview = withFile.locator(".message__preview img");
        assertThat(preview).hasAttribute("alt", java.util.regex.Pattern.compile("^Preview of .*onerror.*\\.png$"));
        page.waitForFunction("img => img.complete && img.naturalWidth === 40", preview.elementHandle());
        String href = withFile.locator(".message__file-link").getAttribute("href");
        assertTrue(href.matches("/attachments/[0-9a-f-]{36}"), href);
        // The download goes through the session's check to S3's presigned URL.
        assertEquals(200, page.request().get(url(href)).status());
        screenshot("thread");
        assertAccessible();
        assertTrue(dialogs.isEmpty(), "a dialog opened: " + dialogs);

        // Keyboard only: from the reply box, Tab reaches the file picker, the acknowledgement box and then Send, each
        // with a focus ring.
        page.getByLabel("Your message").focus();
        assertEquals("input:", tab());
        assertEquals("input:true", tab());
        assertEquals("button:Send", tab());
    }

    @Test
    void theUploadShowsItsProgress() {
        PageCast.Family f = cast.family("Student", "Tutor");
        PageCast.Member parent = f.parent();
        PageCast.Member student = f.student();
        PageCast.Member tutor = f.tutor();
        MessageView first = cast.send(tutor, tutor, student, parent, "Hello");
        signIn(parent.subject(), "PARENT");
        page.navigate(url("/threads/" + first.threadId()));
        // Slow the upload down at S3 so that the progress bar can be seen moving.
        page.route(u -> !u.startsWith(url("/")), r -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.resume();
        });
        page.getByLabel("Your message").fill("A PDF");
        page.getByLabel("Attach one image").setInputFiles(new FilePayload("letter.pdf", "application/pdf",
                "%PDF-1.7\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.locator(".attach__progress")).isVisible();
        assertThat(page.locator(".attach__status")).containsText("Uploading the file");
        page.waitForURL(u -> u.contains("#m-"));
        assertThat(page.locator(".message--mine .message__file-link")).hasText("letter.pdf");
        assertEquals(0, page.locator(".message--mine .message__preview").count());
    }

    @Test
    void withoutJavaScriptAParentStartsAThreadAndReplies() {
        PageCast.Family f = cast.family("Noah", "Mr Brown");
        PageCast.Member parent = f.parent();
        PageCast.Member student = f.student();
        PageCast.Member tutor = f.tutor();
        signIn(parent.subject(), "PARENT");
        List<com.microsoft.playwright.options.Cookie> cookies = context.cookies();
        try (BrowserContext plain = browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            plain.addCookies(cookies);
            Page p = plain.newPage();
            p.navigate(url("/messages/new"));
            p.getByLabel("Student").selectOption(new SelectOption().setLabel("Noah"));
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(p.getByLabel("Tutor")).hasValue(tutor.id().toString());
            p.getByLabel("Message").fill("Written without JavaScript " + SCRIPT);
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            p.waitForURL(u -> u.contains("/threads/"));
            assertThat(p.locator(".message__text")).hasText("Written without JavaScript " + SCRIPT);
            // The form says that a file needs JavaScript and shows no picker; a reply still goes.
            assertThat(p.locator("[data-no-js-note]")).isVisible();
            assertThat(p.locator("[data-attach]")).isHidden();
            p.getByLabel("Your message").fill("A second one");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            p.waitForURL(u -> u.contains("#m-"));
            assertThat(p.locator(".message__text").last()).hasText("A second one");
            // An empty reply shows the form again with the error next to the field.
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            assertThat(p.locator(".field__error")).hasText("Write a message.");
        }
    }

    @Test
    void olderMessagesLoadOnDemandAndAStrangersThreadIsNotFound() {
        PageCast.Family f = cast.family("Ella", "Ms Green");
        PageCast.Member parent = f.parent();
        PageCast.Member student = f.student();
        PageCast.Member tutor = f.tutor();
        UUID thread = null;
        for (int i = 0; i < 25; i++) {
            thread = cast.send(parent, tutor, student, parent, "Note " + i + ".").threadId();
        }
        signIn(parent.subject(), "PARENT");
        page.navigate(url("/threads/" + thread));
        assertEquals(20, page.locator(".message").count());
        assertThat(page.locator(".message").first()).containsText("Note 5.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older messages")).click();
        assertThat(page.locator(".message")).hasCount(25);
        assertThat(page.locator(".message").first()).containsText("Note 0.");
        assertEquals("/threads/" + thread, path(), "htmx loaded them in place");

        // Another family's thread and a thread that does not exist: the same 404 page.
        PageCast.Member other = cast.register("parent-" + unique(), "Other", Role.PARENT);
        PageCast.Member otherStudent = cast.register("student-" + unique(), "Zoe", Role.STUDENT);
        cast.enroll(otherStudent, tutor);
        cast.link(other, otherStudent);
        UUID theirs = cast.send(other, tutor, otherStudent, other, "Theirs").threadId();
        assertEquals(404, page.navigate(url("/threads/" + theirs)).status());
        String shown = page.locator("main").innerText();
        assertEquals(404, page.navigate(url("/threads/" + UUID.randomUUID())).status());
        assertEquals(page.locator("main").innerText(), shown);
        assertTrue(!shown.contains("Theirs"));
    }

    /** A real 40 x 30 PNG, so that the preview renders. */
    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1a4fa0));
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.WHITE);
        g.fillRect(8, 8, 24, 4);
        g.fillRect(8, 16, 18, 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
