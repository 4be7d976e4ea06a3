package io.tutoring.attachments;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import io.tutoring.support.S3ProxyResource;
import io.tutoring.support.Statements;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tutoring.attachments.Uploads.GIF;
import static io.tutoring.attachments.Uploads.HTML;
import static io.tutoring.attachments.Uploads.JPEG;
import static io.tutoring.attachments.Uploads.PDF;
import static io.tutoring.attachments.Uploads.PNG;
import static io.tutoring.attachments.Uploads.SVG;
import static io.tutoring.attachments.Uploads.WEBP;
import static io.tutoring.attachments.Uploads.fetch;
import static io.tutoring.attachments.Uploads.open;
import static io.tutoring.attachments.Uploads.put;
import static io.tutoring.attachments.Uploads.request;
import static io.tutoring.attachments.Uploads.send;
import static io.tutoring.attachments.Uploads.ticket;
import static io.tutoring.attachments.Uploads.upload;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AttachmentTest {

    private static final long MAX = 10L * 1024 * 1024;

    @Inject
    S3Presigner presigner;

    @Inject
    Statements statements;

    @Inject
    S3Client s3;

    @Test
    void happyPathFromUploadToTheOtherPartysDownload() {
        Family f = Family.create();
        Uploads.Ticket ticket = ticket(f.parent(), "Report card.png", "image/png", PNG.length);
        assertEquals("PUT", ticket.method());
        assertEquals(Map.of("Content-Type", "image/png"), ticket.headers());
        assertTrue(ticket.url().contains(S3ProxyResource.BUCKET), ticket.url());
        assertTrue(ticket.attachmentUrl().startsWith("/api/attachments/"), ticket.attachmentUrl());
        Instant expiresAt = Instant.parse(request(f.parent(), "x.png", "image/png", 1).statusCode(201)
                .extract().path("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now()) && expiresAt.isBefore(Instant.now().plusSeconds(3600)));

        assertEquals(200, put(ticket, PNG));
        String url = ticket.attachmentUrl();
        String threadId = send(f.parent(), f.tutor(), f.student(), "The report card", url).statusCode(201)
                .body("attachment.url", equalTo(url))
                .body("attachment.fileName", equalTo("Report card.png"))
                .body("attachment.contentType", equalTo("image/png"))
                .body("attachment.size", equalTo(PNG.length))
                .extract().path("threadId");

        String id = url.substring(url.lastIndexOf('/') + 1);
        s3.headObject(r -> r.bucket(S3ProxyResource.BUCKET).key("attachments/" + id));
        org.junit.jupiter.api.Assertions.assertThrows(NoSuchKeyException.class,
                () -> s3.headObject(r -> r.bucket(S3ProxyResource.BUCKET).key("uploads/" + id)),
                "the checked copy is kept, the upload is gone");

        as(f.tutor()).get("/api/parent/threads/" + threadId + "/messages").then().statusCode(200)
                .body("items[0].attachment.url", equalTo(url))
                .body("items[0].attachment.fileName", equalTo("Report card.png"))
                .body("items[0].attachment.size", equalTo(PNG.length));
        as(f.tutor()).get("/api/parent/threads").then().statusCode(200)
                .body("items[0].lastMessage.attachment.url", equalTo(url))
                .body("items[0].lastMessage.attachment.contentType", equalTo("image/png"));

        String location = open(f.tutor(), url).statusCode(303)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .extract().header("Location");
        HttpResponse<byte[]> download = fetch(location);
        assertEquals(200, download.statusCode());
        assertArrayEquals(PNG, download.body());
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElse(""));
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment; filename=\"Report card.png\""), disposition);
        assertTrue(location.contains("X-Amz-Expires=300"), "a download lives at most five minutes: " + location);

        // The uploader, as a party of the thread, reads it too.
        open(f.parent(), url).statusCode(303);
    }

    @Test
    void aPageOfMessagesWithAttachmentsCostsNoExtraQueries() {
        Family f = Family.create();
        String one = send(f.parent(), f.tutor(), f.student(), "one", upload(f.parent(), "1.png", "image/png", PNG))
                .statusCode(201).extract().path("threadId");
        Family g = Family.create();
        String many = null;
        for (int i = 0; i < 5; i++) {
            many = send(g.parent(), g.tutor(), g.student(), "file " + i,
                    upload(g.parent(), i + ".png", "image/png", PNG)).statusCode(201).extract().path("threadId");
        }
        long withOne = statementsToOpen(f.tutor(), one, 1);
        long withFive = statementsToOpen(g.tutor(), many, 5);
        assertEquals(withOne, withFive, "statements to open a page do not grow with its attachments");
    }

    @Test
    void pagesOfAThreadKeepTheirAttachmentsAcrossTheCursor() {
        Family f = Family.create();
        String threadId = null;
        for (int i = 0; i < 3; i++) {
            threadId = send(f.parent(), f.tutor(), f.student(), "file " + i,
                    upload(f.parent(), "p" + i + ".pdf", "application/pdf", PDF)).statusCode(201)
                    .extract().path("threadId");
        }
        String next = as(f.tutor()).get("/api/parent/threads/" + threadId + "/messages?limit=2").then()
                .statusCode(200)
                .body("items.attachment.fileName", equalTo(List.of("p2.pdf", "p1.pdf")))
                .extract().path("nextCursor");
        as(f.tutor()).get("/api/parent/threads/" + threadId + "/messages?limit=2&before=" + next).then()
                .statusCode(200)
                .body("items.attachment.fileName", equalTo(List.of("p0.pdf")))
                .body("nextCursor", nullValue());
    }

    private long statementsToOpen(Person reader, String threadId, int expected) {
        as(reader).get("/api/me").then().statusCode(200);
        return statements.during(() -> as(reader).get("/api/parent/threads/" + threadId + "/messages").then()
                .statusCode(200)
                .body("items.size()", equalTo(expected))
                .body("items.attachment.contentType", org.hamcrest.Matchers.everyItem(equalTo("image/png"))));
    }

    @Test
    void messagesWithoutAttachmentCarryNone() {
        Family f = Family.create();
        Uploads.send(f.parent(), f.tutor(), f.student(), "plain", null).statusCode(201)
                .body("attachment", nullValue());
    }

    @Test
    void everyAllowedTypeIsAcceptedWhenItsBytesMatch() {
        Family f = Family.create();
        Map<String, byte[]> files = Map.of("photo.jpg", JPEG, "anim.gif", GIF, "pic.webp", WEBP, "scan.pdf", PDF);
        Map<String, String> types = Map.of("photo.jpg", "image/jpeg", "anim.gif", "image/gif",
                "pic.webp", "image/webp", "scan.pdf", "application/pdf");
        files.forEach((name, bytes) -> {
            String url = upload(f.parent(), name, types.get(name), bytes);
            send(f.parent(), f.tutor(), f.student(), "see " + name, url).statusCode(201)
                    .body("attachment.contentType", equalTo(types.get(name)))
                    .body("attachment.fileName", equalTo(name));
        });
    }

    @Test
    void typesOffTheAllowlistAreRefused() {
        Family f = Family.create();
        for (String type : List.of("text/html", "image/svg+xml", "application/octet-stream", "image/png; x=y")) {
            String detail = problem(request(f.parent(), "file", type, 100), 400);
            assertTrue(detail.contains("image/jpeg, image/png, image/gif, image/webp, application/pdf"), detail);
        }
        problem(request(f.parent(), "", "image/png", 100), 400);
        problem(request(f.parent(), "a.png", "image/png", 0), 400);
        problem(as(f.parent()).body("{\"fileName\":\"a.png\",\"contentType\":\"image/png\"}")
                .post("/api/attachments").then(), 400);
        // Declared types are matched case-insensitively and stored in their canonical form.
        request(f.parent(), "a.PNG", "IMAGE/PNG", 100).statusCode(201).body("upload.headers.Content-Type",
                equalTo("image/png"));
    }

    @Test
    void studentsAndAnonymousCannotAskForUploads() {
        Family f = Family.create();
        problem(request(f.student(), "a.png", "image/png", 10), 403);
        problem(io.tutoring.support.Api.anonymous().body(Map.of("fileName", "a.png", "contentType", "image/png",
                "size", 10)).post("/api/attachments").then(), 401);
    }

    @Test
    void declaredOversizeIs413() {
        Family f = Family.create();
        String detail = problem(request(f.parent(), "big.pdf", "application/pdf", MAX + 1), 413);
        assertTrue(detail.contains("10 MiB"), detail);
        request(f.parent(), "just-fits.pdf", "application/pdf", MAX).statusCode(201);
    }

    @Test
    void uploadingMoreBytesOrAnotherTypeThanDeclaredIsRefusedByS3() {
        Family f = Family.create();
        Uploads.Ticket ticket = ticket(f.parent(), "scan.pdf", "application/pdf", 50);
        byte[] more = new byte[5000];
        System.arraycopy(PDF, 0, more, 0, PDF.length);
        assertEquals(403, put(ticket, more), "the signed Content-Length binds the size");
        Uploads.Ticket other = new Uploads.Ticket(ticket.attachmentUrl(), ticket.url(), ticket.method(),
                Map.of("Content-Type", "text/html"));
        assertEquals(403, put(other, java.util.Arrays.copyOf(HTML, 50)), "the signed Content-Type binds the type");
        String detail = problem(send(f.parent(), f.tutor(), f.student(), "hi", ticket.attachmentUrl()), 409);
        assertTrue(detail.contains("Nothing has been uploaded"), detail);
    }

    @Test
    void storedObjectsAreCheckedOnAttachEvenIfTheStoreIgnoredTheSignedLength() {
        Family f = Family.create();
        // A store that does not enforce the signed length: the bytes arrive under the upload key anyway.
        Uploads.Ticket big = ticket(f.parent(), "big.pdf", "application/pdf", 1000);
        byte[] oversized = new byte[(int) MAX + 1];
        System.arraycopy(PDF, 0, oversized, 0, PDF.length);
        putDirectly(big, "application/pdf", oversized);
        String detail = problem(send(f.parent(), f.tutor(), f.student(), "big", big.attachmentUrl()), 413);
        assertTrue(detail.contains("at most"), detail);

        Uploads.Ticket small = ticket(f.parent(), "small.pdf", "application/pdf", 1000);
        putDirectly(small, "application/pdf", PDF);
        detail = problem(send(f.parent(), f.tutor(), f.student(), "small", small.attachmentUrl()), 400);
        assertTrue(detail.contains("were declared"), detail);
    }

    @Test
    void contentThatDoesNotMatchTheDeclaredTypeIsRefused() {
        Family f = Family.create();
        String pngAsPdf = upload(f.parent(), "invoice.pdf", "application/pdf", PNG);
        String html = upload(f.parent(), "cat.png", "image/png", HTML);
        String svg = upload(f.parent(), "logo.png", "image/png", SVG);
        String svgAsJpeg = upload(f.parent(), "logo.jpg", "image/jpeg", SVG);
        for (String url : List.of(pngAsPdf, html, svg, svgAsJpeg)) {
            String detail = problem(send(f.parent(), f.tutor(), f.student(), "look", url), 400);
            assertTrue(detail.contains("first bytes do not match"), detail);
        }
        // A refused attachment sends nothing: the thread has no message.
        as(f.parent()).get("/api/parent/threads").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anAttachmentGoesWithOneMessageOnly() {
        Family f = Family.create();
        String url = upload(f.parent(), "a.png", "image/png", PNG);
        send(f.parent(), f.tutor(), f.student(), "first", url).statusCode(201);
        String detail = problem(send(f.parent(), f.tutor(), f.student(), "again", url), 409);
        assertTrue(detail.contains("already belongs to a message"), detail);
    }

    @Test
    void twoMessagesRacingForOneAttachmentGetItOnce() throws Exception {
        Family f = Family.create();
        String url = upload(f.parent(), "a.png", "image/png", PNG);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                sends.add(() -> send(f.parent(), f.tutor(), f.student(), "race " + n, url).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(sends)) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherUsersUploadCannotBeSent() {
        Family f = Family.create();
        String parentsUpload = upload(f.parent(), "a.png", "image/png", PNG);
        String detail = problem(send(f.tutor(), f.tutor(), f.student(), "mine now", parentsUpload), 404);
        assertTrue(detail.contains("not an upload issued to you"), detail);
        // ...nor a made-up or malformed one.
        problem(send(f.parent(), f.tutor(), f.student(), "x", "/api/attachments/" + UUID.randomUUID()), 404);
        problem(send(f.parent(), f.tutor(), f.student(), "x", "https://evil.example/a.png"), 400);
        problem(send(f.parent(), f.tutor(), f.student(), "x", ""), 400);
        // Nothing was attached: the owner still can.
        send(f.parent(), f.tutor(), f.student(), "mine", parentsUpload).statusCode(201);
    }

    @Test
    void anAbsoluteAttachmentUrlWorksToo() {
        Family f = Family.create();
        String url = upload(f.parent(), "a.png", "image/png", PNG);
        send(f.parent(), f.tutor(), f.student(), "absolute", "https://api.tutoring.example" + url).statusCode(201)
                .body("attachment.url", equalTo(url));
    }

    @Test
    void onlyThoseWhoMayReadTheThreadCanDownload() {
        Family f = Family.create();
        String url = upload(f.parent(), "a.png", "image/png", PNG);
        send(f.parent(), f.tutor(), f.student(), "private", url).statusCode(201);

        Person otherParent = newUser("Other parent", "PARENT");
        Person otherTutor = newUser("Other tutor", "TUTOR");
        Person student = f.student();
        for (Person stranger : List.of(otherParent, otherTutor, student)) {
            String detail = problem(open(stranger, url), 404);
            assertFalse(detail.contains("thread"), "the answer says nothing about the thread: " + detail);
        }
        problem(open(otherParent, "/api/attachments/" + UUID.randomUUID()), 404);
        problem(open(otherParent, "/api/attachments/not-a-uuid"), 400);
        problem(io.tutoring.support.Api.anonymous().redirects().follow(false).get(url).then(), 401);
    }

    @Test
    void aPendingUploadIsVisibleToItsUploaderOnly() {
        Family f = Family.create();
        String url = upload(f.parent(), "draft.pdf", "application/pdf", PDF);
        String location = open(f.parent(), url).statusCode(303).extract().header("Location");
        assertArrayEquals(PDF, fetch(location).body());
        problem(open(f.tutor(), url), 404);
        problem(open(f.admin(), url), 404);
    }

    @Test
    void adminsMayDownloadAndTheReadIsRecorded() {
        Family f = Family.create();
        String url = upload(f.tutor(), "homework.pdf", "application/pdf", PDF);
        String threadId = send(f.tutor(), f.tutor(), f.student(), "homework", url).statusCode(201)
                .extract().path("threadId");
        String location = open(f.admin(), url).statusCode(303).header("X-Content-Type-Options", "nosniff")
                .extract().header("Location");
        assertArrayEquals(PDF, fetch(location).body());
        as(f.admin()).get("/api/admin/audit?threadId=" + threadId).then().statusCode(200)
                .body("items.action", hasItem("READ_ATTACHMENT"))
                .body("items[0].adminId", equalTo(f.admin().id().toString()));
    }

    @Test
    void fileNamesAreSanitized() {
        Family f = Family.create();
        request(f.parent(), "../../etc/\"evil\";\r\nX-Header: 1.html", "image/png", 10).statusCode(201);
        String url = upload(f.parent(), "C:\\Users\\me\\\"Zeugnis\" für Mia.png", "image/png", PNG);
        send(f.parent(), f.tutor(), f.student(), "Zeugnis", url).statusCode(201)
                .body("attachment.fileName", equalTo("_Zeugnis_ für Mia.png"));
        String location = open(f.tutor(), url).statusCode(303).extract().header("Location");
        String disposition = fetch(location).headers().firstValue("Content-Disposition").orElse("");
        assertEquals("attachment; filename=\"_Zeugnis_ f_r Mia.png\"; filename*=UTF-8''_Zeugnis_%20f%C3%BCr%20Mia.png",
                disposition);
    }

    @Test
    void replacingTheUploadAfterItWasAttachedChangesNothing() {
        Family f = Family.create();
        Uploads.Ticket ticket = ticket(f.parent(), "a.png", "image/png", PNG.length);
        assertEquals(200, put(ticket, PNG));
        send(f.parent(), f.tutor(), f.student(), "checked", ticket.attachmentUrl()).statusCode(201);
        // The presigned PUT is still valid, but it writes to the upload key, never to the checked copy.
        byte[] sneaky = java.util.Arrays.copyOf(HTML, PNG.length);
        assertEquals(200, put(ticket, sneaky));
        String location = open(f.tutor(), ticket.attachmentUrl()).statusCode(303).extract().header("Location");
        assertArrayEquals(PNG, fetch(location).body());
    }

    /** Writes to the upload key with a PUT whose signature does not bind the length (as a lax store would). */
    private void putDirectly(Uploads.Ticket ticket, String contentType, byte[] bytes) {
        String id = ticket.attachmentUrl().substring(ticket.attachmentUrl().lastIndexOf('/') + 1);
        String url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(1))
                .putObjectRequest(r -> r.bucket(S3ProxyResource.BUCKET).key("uploads/" + id)
                        .contentType(contentType))).url().toString();
        assertEquals(200, put(new Uploads.Ticket(ticket.attachmentUrl(), url, "PUT",
                Map.of("Content-Type", contentType)), bytes));
    }
}
