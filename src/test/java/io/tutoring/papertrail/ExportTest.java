package io.tutoring.papertrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.common.Sql;
import io.tutoring.messaging.ChainHash;
import io.tutoring.support.Family;
import io.tutoring.support.Person;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import static io.tutoring.papertrail.AcknowledgementTest.ack;
import static io.tutoring.papertrail.AcknowledgementTest.send;
import static io.tutoring.papertrail.Exported.export;
import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.newUser;
import static io.tutoring.support.Api.problem;
import static io.tutoring.support.Api.sendOk;
import static io.tutoring.support.Api.unlink;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports of a thread (JSON and PDF), who may have them, and verification of what they contain. */
@QuarkusTest
class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sql sql;

    @Test
    void theJsonExportHasEveryMessageWithHashesTimesAcksAndTheChainHead() throws Exception {
        Family f = Family.create();
        AcknowledgementTest.Sent first = send(f.parent(), f, "Hello", null);
        AcknowledgementTest.Sent second = send(f.tutor(), f, "Trip on Friday — please confirm\nThanks", true);
        ack(f.parent(), second).statusCode(200);
        as(f.tutor()).get("/api/parent/threads/" + first.threadId() + "/messages").then().statusCode(200);

        for (Person who : new Person[]{f.parent(), f.tutor()}) {
            JsonNode export = JSON.readTree(Exported.json(who, first.threadId()));
            assertEquals("tutoring-paper-trail/1", export.path("format").asText());
            assertEquals(first.threadId(), export.path("thread").path("id").asText());
            assertEquals(f.parent().name(), export.path("thread").path("parent").path("name").asText());
            assertEquals(f.tutor().name(), export.path("thread").path("tutor").path("name").asText());
            assertEquals(f.student().name(), export.path("thread").path("student").path("name").asText());
            JsonNode messages = export.path("messages");
            assertEquals(2, messages.size());
            assertEquals(2, export.path("messageCount").asInt());
            assertEquals(first.messageId(), messages.get(0).path("id").asText());
            assertEquals(ChainHash.hex(ChainHash.genesis(UUID.fromString(first.threadId()))),
                    messages.get(0).path("prevHash").asText());
            assertEquals(messages.get(0).path("hash").asText(), messages.get(1).path("prevHash").asText());
            assertEquals(messages.get(1).path("hash").asText(), export.path("chainHead").asText());
            assertTrue(messages.get(0).path("readAt").isTextual(), "the tutor opened the parent's message");
            assertTrue(messages.get(1).path("ackRequested").asBoolean());
            assertTrue(messages.get(1).path("ackedAt").isTextual());
            assertEquals("Trip on Friday — please confirm\nThanks", messages.get(1).path("message").asText());
            assertTrue(messages.get(0).path("attachment").isNull());
            assertTrue(export.path("timeline").isArray() && export.path("timeline").size() >= 2,
                    "the family timeline (enrollment, link) is part of the export");
            verify(export).body("valid", equalTo(true)).body("messages", equalTo(2))
                    .body("firstBrokenIndex", nullValue())
                    .body("chainHead", equalTo(export.path("chainHead").asText()));
        }
    }

    @Test
    void changingOneCharacterOfOneMessageInTheExportBreaksItThere() throws Exception {
        Family f = Family.create();
        String thread = threadOf(f, 4);
        JsonNode export = JSON.readTree(Exported.json(f.parent(), thread));
        ObjectNode third = (ObjectNode) export.path("messages").get(2);
        third.put("message", third.path("message").asText().replaceFirst("m", "M"));
        verify(export).body("valid", equalTo(false)).body("messages", equalTo(4)).body("firstBrokenIndex", equalTo(2));

        JsonNode other = JSON.readTree(Exported.json(f.parent(), thread));
        ((ObjectNode) other.path("messages").get(1)).put("createdAt", "2020-01-01T00:00:00.000000Z");
        verify(other).body("valid", equalTo(false)).body("firstBrokenIndex", equalTo(1));

        JsonNode dropped = JSON.readTree(Exported.json(f.parent(), thread));
        ((com.fasterxml.jackson.databind.node.ArrayNode) dropped.path("messages")).remove(1);
        verify(dropped).body("valid", equalTo(false)).body("firstBrokenIndex", equalTo(1));
    }

    @Test
    void changingOneCharacterInTheDatabaseBreaksTheExportAtThatMessage() throws Exception {
        Family f = Family.create();
        String thread = threadOf(f, 3);
        sql.query("update message set body = body || '.' where thread_id = :t and chain_index = 1")
                .bind("t", UUID.fromString(thread)).update();
        JsonNode export = JSON.readTree(Exported.json(f.tutor(), thread));
        verify(export).body("valid", equalTo(false)).body("firstBrokenIndex", equalTo(1));
    }

    @Test
    void thePdfHasNamesTimesInTheReadersZonePageNumbersAndTheChainHeadOnEveryPage() throws Exception {
        Family f = Family.create();
        String thread = threadOf(f, 120);
        String head = JSON.readTree(Exported.json(f.parent(), thread)).path("chainHead").asText();
        byte[] pdf = export(f.parent(), thread, "?format=pdf&zone=Asia/Tokyo").statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 2, "120 messages take more than one page: " + pages);
            PDFTextStripper text = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                String content = text.getText(doc);
                assertTrue(content.contains("Page " + page + " of " + pages), "page number on page " + page);
                assertTrue(content.contains(head), "chain head on page " + page);
            }
            text.setStartPage(1);
            text.setEndPage(1);
            String first = text.getText(doc);
            assertTrue(first.contains(f.parent().name()) && first.contains(f.tutor().name())
                    && first.contains(f.student().name()), first);
            assertTrue(first.contains("Asia/Tokyo"), first);
            Instant created = Instant.parse(as(f.parent()).get("/api/parent/threads/" + thread + "/messages?limit=100")
                    .then().extract().path("items[99].createdAt"));
            String tokyo = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"))
                    .format(created);
            String all = new PDFTextStripper().getText(doc);
            assertTrue(all.contains(tokyo), "times in the reader's zone: " + tokyo);
        }
    }

    @Test
    void thePdfPrintsWhatItsFontsCannotShowAsQuestionMarks() throws Exception {
        Family f = Family.create();
        String thread = sendOk(f.parent(), f.tutor(), f.student(), "Grüße 😀 你好");
        byte[] pdf = export(f.tutor(), thread, "?format=pdf").statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Grüße ? ??"));
        }
    }

    @Test
    void anAdminExportsAnyThreadAndTheExportIsRecorded() throws Exception {
        Family f = Family.create();
        String thread = threadOf(f, 2);
        JsonNode export = JSON.readTree(as(f.admin()).get("/api/admin/threads/" + thread + "/export").then()
                .statusCode(200).extract().asByteArray());
        assertEquals(2, export.path("messages").size());
        boolean listed = false;
        for (JsonNode e : export.path("timeline")) {
            listed |= e.path("type").asText().equals("ADMIN_READ") && e.path("action").asText().equals("EXPORT")
                    && e.path("actor").path("id").asText().equals(f.admin().id().toString());
        }
        assertTrue(listed, "the export shows itself in the timeline: " + export.path("timeline"));
        as(f.admin()).get("/api/admin/audit?threadId=" + thread).then().statusCode(200)
                .body("items.action", hasItem("EXPORT"));
        as(f.admin()).get("/api/admin/threads/" + thread + "/export?format=pdf").then().statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void anotherFamilysExportIsNotFound() {
        Family f = Family.create();
        Family other = Family.create();
        String thread = threadOf(f, 1);
        problem(export(other.parent(), thread, ""), 404);
        problem(export(other.tutor(), thread, ""), 404);
        problem(export(f.parent(), UUID.randomUUID().toString(), ""), 404);
        problem(as(f.admin()).get("/api/admin/threads/" + UUID.randomUUID() + "/export").then(), 404);
    }

    @Test
    void anUnlinkedParentCannotExport() {
        Family f = Family.create();
        String thread = threadOf(f, 1);
        unlink(f.admin(), f.parent(), f.student());
        problem(export(f.parent(), thread, ""), 403);
        export(f.tutor(), thread, "").statusCode(200);
    }

    @Test
    void studentsAdminsOnTheParentPathAndAnonymousCannotExport() {
        Family f = Family.create();
        String thread = threadOf(f, 1);
        problem(export(f.student(), thread, ""), 403);
        problem(export(f.admin(), thread, ""), 403);
        anonymous().get("/api/parent/threads/" + thread + "/export").then().statusCode(401);
        problem(as(f.parent()).get("/api/admin/threads/" + thread + "/export").then(), 403);
        anonymous().get("/api/admin/threads/" + thread + "/export").then().statusCode(401);
    }

    @Test
    void badFormatsZonesAndBodiesAre400() {
        Family f = Family.create();
        String thread = threadOf(f, 1);
        problem(export(f.parent(), thread, "?format=xml"), 400);
        problem(export(f.parent(), thread, "?format=pdf&zone=Mars/Olympus"), 400);
        problem(anonymous().body("[1, 2]").post("/api/exports/verify").then(), 400);
        problem(anonymous().body("{\"thread\": {\"id\": \"x\"}, \"messages\": []}").post("/api/exports/verify")
                .then(), 400);
        Person stranger = newUser("Stranger", "PARENT");
        problem(export(stranger, "not-a-uuid", ""), 400);
    }

    /** A thread of {@code n} messages, alternating parent and tutor; its id. */
    static String threadOf(Family f, int n) {
        String thread = null;
        for (int i = 0; i < n; i++) {
            thread = sendOk(i % 2 == 0 ? f.parent() : f.tutor(), f.tutor(), f.student(), "message " + i);
        }
        return thread;
    }

    private static io.restassured.response.ValidatableResponse verify(JsonNode export) {
        return anonymous().body(export.toString()).post("/api/exports/verify").then().statusCode(200);
    }
}
