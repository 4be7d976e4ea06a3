package io.tutoring.notifications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tutoring.common.Sql;
import io.tutoring.support.Classroom;
import io.tutoring.support.Family;
import io.tutoring.support.Mailbox;
import io.tutoring.support.MovableClockTest;
import io.tutoring.support.Person;
import io.tutoring.support.SmtpServer;
import jakarta.inject.Inject;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.sendOk;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notification mail end to end: the outbox row written with the message, the worker (run by the test on the
 * movable clock, never by sleeping), GreenMail parsing every mail.
 */
@QuarkusTest
class NotificationMailTest extends MovableClockTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    /** The token of the footer link or of the List-Unsubscribe URI (query and fragment). */
    private static final Pattern TOKEN = Pattern.compile(
            "/unsubscribe(?:\\?token=[A-Za-z0-9_.-]+)?#token=([A-Za-z0-9_.-]+)");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    NoticeWorker worker;

    @Inject
    Sql sql;

    @Test
    void oneMailPerWindowListingEachThreadWithItsLinkAndBothParts() throws Exception {
        Classroom room = Classroom.of(2);
        Person tutor = room.tutor();
        String t0 = sendOk(room.family(0).parent(), tutor, room.family(0).student(), "Hello\nsecond line");
        sendOk(room.family(0).parent(), tutor, room.family(0).student(), "Is Tuesday fine?");
        String t1 = sendOk(room.family(1).parent(), tutor, room.family(1).student(), "<b>Homework</b> & more");

        worker.drain();
        assertEquals(0, Mailbox.to(tutor.email()).size(), "nothing before the window has passed");
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();

        List<Mailbox.Delivered> mails = Mailbox.await(tutor.email(), 1);
        assertEquals(1, mails.size(), "one mail for three messages in two threads");
        Mailbox.Delivered mail = mails.get(0);
        assertEquals("3 new messages in 2 conversations", mail.subject());
        for (String part : List.of(mail.text(), mail.html())) {
            assertTrue(part.contains("https://app.tutoring.test/threads/" + t0), part);
            assertTrue(part.contains("https://app.tutoring.test/threads/" + t1), part);
            assertTrue(part.contains(room.family(0).student().name()), part);
            assertTrue(part.contains(room.family(0).parent().name()), part);
            assertTrue(part.contains("2 new messages"), part);
            assertTrue(part.contains("Is Tuesday fine?"), part);
            assertFalse(part.contains("second line"), "first lines only");
            assertTrue(part.contains("https://app.tutoring.test/settings"), part);
        }
        assertTrue(mail.text().contains("<b>Homework</b> & more"), "text part as written");
        assertTrue(mail.html().contains("&lt;b&gt;Homework&lt;/b&gt; &amp; more"), "HTML part escaped: " + mail.html());

        MimeMessage raw = Mailbox.raw(tutor.email()).get(0);
        assertHeaders(raw);
        List<String> types = new ArrayList<>();
        parts(raw, types);
        assertTrue(types.stream().anyMatch(t -> t.startsWith("text/plain") && charset(t).equalsIgnoreCase("utf-8")),
                types.toString());
        assertTrue(types.stream().anyMatch(t -> t.startsWith("text/html") && charset(t).equalsIgnoreCase("utf-8")),
                types.toString());
        String token = token(raw.getHeader("List-Unsubscribe")[0]);
        assertTrue(mail.text().contains("/unsubscribe#token=" + token), "footer link in the text part");
        assertTrue(mail.html().contains("/unsubscribe#token=" + token), "footer link in the HTML part");

        // Within the window of the last mail: nothing, however long the message waits unread in the window.
        sendOk(room.family(1).parent(), tutor, room.family(1).student(), "One more thing");
        clock.advance(Duration.ofMinutes(5));
        worker.drain();
        assertEquals(1, Mailbox.to(tutor.email()).size());
        clock.advance(Duration.ofMinutes(6));
        worker.drain();
        List<Mailbox.Delivered> later = Mailbox.await(tutor.email(), 2);
        assertEquals("New message from " + room.family(1).parent().name() + " about "
                + room.family(1).student().name(), later.get(1).subject());
        assertTrue(later.get(1).text().contains("One more thing"));
        assertFalse(later.get(1).text().contains("Is Tuesday fine?"), "what was mailed is not mailed again");
        assertEquals(2, Mailbox.to(tutor.email()).size());
    }

    @Test
    void messagesReadMeanwhileAreNotMailed() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Please read me");
        as(f.tutor()).get("/api/parent/threads/" + thread + "/messages").then().statusCode(200);
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();
        assertEquals(0, Mailbox.to(f.tutor().email()).size());
        assertEquals("SKIPPED READ", state(thread));

        // The tutor's reply, unread by the parent, is mailed to the parent.
        sendOk(f.tutor(), f.tutor(), f.student(), "Thanks, read it");
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();
        assertEquals(1, Mailbox.await(f.parent().email(), 1).size());
    }

    @Test
    void showMessageTextOffLeavesTheTextOut() {
        Family f = Family.create();
        as(f.tutor()).body(Map.of("email", "BATCHED", "showMessageText", false)).put("/api/me/preferences")
                .then().statusCode(200);
        sendOk(f.parent(), f.tutor(), f.student(), "A private matter");
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();
        Mailbox.Delivered mail = Mailbox.await(f.tutor().email(), 1).get(0);
        assertFalse(mail.text().contains("A private matter") || mail.html().contains("A private matter"));
        assertTrue(mail.text().contains("1 new message from " + f.parent().name()), mail.text());
    }

    @Test
    void quietHoursHoldTheMailUntilTheyEnd() {
        Family f = Family.create();
        Instant now = clock.instant();
        // Quiet from five minutes from now for two hours (UTC), so the mail falls inside them.
        String from = HH_MM.format(now.plus(Duration.ofMinutes(5)));
        String to = HH_MM.format(now.plus(Duration.ofMinutes(125)));
        as(f.tutor()).body(Map.of("email", "BATCHED", "timeZone", "UTC",
                "quietHours", Map.of("from", from, "to", to))).put("/api/me/preferences").then().statusCode(200);
        sendOk(f.parent(), f.tutor(), f.student(), "Late question");
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();
        clock.advance(Duration.ofMinutes(90));
        worker.drain();
        assertEquals(0, Mailbox.to(f.tutor().email()).size(), "held, not dropped, during quiet hours");
        clock.advance(Duration.ofMinutes(30));
        worker.drain();
        assertEquals(1, Mailbox.await(f.tutor().email(), 1).size(), "sent when they end");
    }

    @Test
    void dailySendsOneDigestAtTheDigestHour() {
        Family f = Family.create();
        Instant now = clock.instant();
        int hour = now.plus(Duration.ofHours(3)).atZone(ZoneOffset.UTC).getHour();
        as(f.tutor()).body(Map.of("email", "DAILY", "digestHour", hour, "timeZone", "UTC"))
                .put("/api/me/preferences").then().statusCode(200);
        sendOk(f.parent(), f.tutor(), f.student(), "First");
        clock.advance(Duration.ofMinutes(30));
        sendOk(f.parent(), f.tutor(), f.student(), "Second");
        clock.advance(Duration.ofMinutes(30));
        worker.drain();
        assertEquals(0, Mailbox.to(f.tutor().email()).size());
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        worker.drain();
        worker.drain();
        List<Mailbox.Delivered> mails = Mailbox.await(f.tutor().email(), 1);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).subject().startsWith("Daily summary: 2 new messages"), mails.get(0).subject());
    }

    @Test
    void offSendsNothing() {
        Family f = Family.create();
        as(f.tutor()).body(Map.of("email", "OFF")).put("/api/me/preferences").then().statusCode(200);
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Anyone there?");
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();
        assertEquals(0, Mailbox.to(f.tutor().email()).size());
        assertEquals("SKIPPED OFF", state(thread));
    }

    @Test
    void anSmtpOutageDelaysMailWithoutLosingIt() {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Sent during the outage");
        clock.advance(WINDOW.plusSeconds(1));
        SmtpServer.refuse();
        try {
            assertEquals(0, worker.drain());
            assertEquals(0, worker.drain(), "held for the backoff, not retried at once");
        } finally {
            SmtpServer.restore();
        }
        assertEquals("QUEUED null", state(thread));
        int attempts = sql.query("select attempts from notice_recipient where user_id = :u")
                .bind("u", f.tutor().id()).one(rs -> rs.getInt("attempts"));
        assertEquals(1, attempts);
        worker.drain();
        assertEquals(0, Mailbox.to(f.tutor().email()).size(), "still within the backoff");
        clock.advance(Duration.ofSeconds(31));
        assertTrue(worker.drain() >= 1, "retried after the backoff");
        Mailbox.Delivered mail = Mailbox.await(f.tutor().email(), 1).get(0);
        assertTrue(mail.text().contains("Sent during the outage"));
        assertEquals("SENT null", state(thread));
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("notifications_mails_failed_total"), "failures are counted");
        assertTrue(metrics.contains("notifications_mails_sent_total"));
        assertTrue(metrics.contains("notifications_outbox_oldest_age_seconds"));
        assertTrue(metrics.contains("notifications_outbox_queued"));
        assertTrue(metrics.contains("notifications_notices_queued_total"));
    }

    @Test
    void workersRacingMailEachNoticeExactlyOnce() throws Exception {
        Classroom room = Classroom.of(6);
        for (Family f : room.families()) {
            sendOk(room.tutor(), room.tutor(), f.student(), "Report for " + f.student().name());
        }
        clock.advance(WINDOW.plusSeconds(1));
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                Callable<Integer> run = () -> {
                    start.await();
                    return worker.drain();
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            assertTrue(sent >= room.families().size(), "every parent mailed: " + sent);
        } finally {
            pool.shutdownNow();
        }
        worker.drain();
        for (Family f : room.families()) {
            assertEquals(1, Mailbox.await(f.parent().email(), 1).size(), "exactly one mail to each parent");
        }
    }

    @Test
    void theUnsubscribeTokenOfAMailTurnsItsMailOffWithoutASession() throws Exception {
        Family f = Family.create();
        sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();
        Mailbox.await(f.tutor().email(), 1);
        String token = token(Mailbox.raw(f.tutor().email()).get(0).getHeader("List-Unsubscribe")[0]);

        // GET never acts; a tampered token is refused.
        anonymous().get("/api/notifications/unsubscribe?token=" + token).then().statusCode(405);
        as(f.tutor()).get("/api/me/preferences").then().body("email", equalTo("BATCHED"));
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        problem(anonymous().body(Map.of("token", forged)).post("/api/notifications/unsubscribe").then(), 400);
        problem(anonymous().body(Map.of("token", "not-a-token")).post("/api/notifications/unsubscribe").then(), 400);
        problem(anonymous().body(Map.of()).post("/api/notifications/unsubscribe").then(), 400);

        anonymous().body(Map.of("token", token)).post("/api/notifications/unsubscribe").then().statusCode(200)
                .body("kind", equalTo("messages")).body("email", equalTo("OFF"));
        as(f.tutor()).get("/api/me/preferences").then().body("email", equalTo("OFF"));
        anonymous().body(Map.of("token", token)).post("/api/notifications/unsubscribe").then().statusCode(200);

        sendOk(f.parent(), f.tutor(), f.student(), "After unsubscribing");
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();
        assertEquals(1, Mailbox.to(f.tutor().email()).size(), "no mail after unsubscribing");
    }

    /**
     * RFC 8058 as a provider does it: the URI of the mail's {@code List-Unsubscribe} header, POSTed with the body
     * {@code List-Unsubscribe=One-Click} (a form), no cookies, no CSRF token; the HTTP client drops the fragment.
     * A GET of the same URI (what scanners do) changes nothing; a tampered token is refused.
     */
    @Test
    void theListUnsubscribeUriWorksAsRfc8058OneClickPost() throws Exception {
        Family f = Family.create();
        sendOk(f.parent(), f.tutor(), f.student(), "Hello");
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();
        Mailbox.await(f.tutor().email(), 1);
        MimeMessage raw = Mailbox.raw(f.tutor().email()).get(0);
        assertEquals("List-Unsubscribe=One-Click", raw.getHeader("List-Unsubscribe-Post")[0]);
        String header = raw.getHeader("List-Unsubscribe")[0];
        Matcher angle = Pattern.compile("<(https://[^>]+)>").matcher(header);
        assertTrue(angle.find(), header);
        URI published = URI.create(angle.group(1));
        // The service runs on the test port, not on PUBLIC_URL: same path, query and fragment.
        URI uri = new URI("http", null, "localhost", RestAssured.port, published.getPath(), published.getQuery(),
                published.getFragment());
        String token = token(header);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());
        assertEquals(200, get.statusCode(), "the confirm page");
        assertTrue(get.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        as(f.tutor()).get("/api/me/preferences").then().body("email", equalTo("BATCHED"));

        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        HttpResponse<String> tampered = oneClick(http, new URI("http", null, "localhost", RestAssured.port,
                "/unsubscribe", "token=" + forged, null), "List-Unsubscribe=One-Click");
        assertEquals(400, tampered.statusCode(), tampered.body());
        assertTrue(tampered.body().contains("not valid"), tampered.body());
        HttpResponse<String> noToken = oneClick(http, new URI("http", null, "localhost", RestAssured.port,
                "/unsubscribe", null, null), "List-Unsubscribe=One-Click");
        assertEquals(400, noToken.statusCode(), noToken.body());
        HttpResponse<String> noField = oneClick(http, uri, "name=value");
        assertEquals(400, noField.statusCode(), noField.body());
        as(f.tutor()).get("/api/me/preferences").then().body("email", equalTo("BATCHED"));

        HttpResponse<String> done = oneClick(http, uri, "List-Unsubscribe=One-Click");
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("will not email you"), done.body());
        as(f.tutor()).get("/api/me/preferences").then().body("email", equalTo("OFF"));
        assertEquals(200, oneClick(http, uri, "List-Unsubscribe=One-Click").statusCode(), "repeating is harmless");

        sendOk(f.parent(), f.tutor(), f.student(), "After unsubscribing");
        clock.advance(WINDOW.plusSeconds(1));
        worker.drain();
        assertEquals(1, Mailbox.to(f.tutor().email()).size(), "no mail after unsubscribing");
    }

    private static HttpResponse<String> oneClick(HttpClient http, URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    /**
     * Every header has a value, except the empty {@code Cc:} that Quarkus' mailer makes Vert.x write (a known gap,
     * see NoticeMail); the RFC 8058 pair is there, pointing at the page of the public URL.
     */
    private static void assertHeaders(MimeMessage raw) throws Exception {
        for (Header h : Collections.list(raw.getAllHeaders())) {
            if (!h.getName().equalsIgnoreCase("Cc")) {
                assertFalse(h.getValue() == null || h.getValue().isBlank(), "empty header " + h.getName());
            }
        }
        String unsubscribe = raw.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.matches(
                "<https://app\\.tutoring\\.test/unsubscribe\\?token=([A-Za-z0-9_.-]+)#token=\\1>"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", raw.getHeader("List-Unsubscribe-Post")[0]);
    }

    private static void parts(Part part, List<String> types) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                parts(multipart.getBodyPart(i), types);
            }
        } else {
            types.add(part.getContentType().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static String charset(String contentType) {
        try {
            String charset = new ContentType(contentType).getParameter("charset");
            return charset == null ? "" : charset;
        } catch (Exception e) {
            return "";
        }
    }

    private static String token(String header) {
        Matcher m = TOKEN.matcher(header);
        assertTrue(m.find(), header);
        return m.group(1);
    }

    /** The state and reason of the thread's newest notice. */
    private String state(String thread) {
        return sql.query("select state, reason from notice where thread_id = :t order by created_at desc limit 1")
                .bind("t", UUID.fromString(thread)).one(rs -> rs.getString("state") + " " + rs.getString("reason"));
    }
}
