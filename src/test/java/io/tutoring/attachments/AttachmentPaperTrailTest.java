package io.tutoring.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.messaging.ChainHash;
import io.tutoring.support.Family;
import org.junit.jupiter.api.Test;

import static io.tutoring.attachments.Uploads.PNG;
import static io.tutoring.attachments.Uploads.send;
import static io.tutoring.attachments.Uploads.upload;
import static io.tutoring.support.Api.anonymous;
import static io.tutoring.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An attachment's bytes are part of the paper trail: their SHA-256 is taken from S3 on send and chained. */
@QuarkusTest
class AttachmentPaperTrailTest {

    @Test
    void theExportCarriesTheSha256OfTheStoredBytesAndVerifies() throws Exception {
        Family f = Family.create();
        String url = upload(f.parent(), "worksheet.png", "image/png", PNG);
        String thread = send(f.parent(), f.tutor(), f.student(), "Here is the worksheet", url).statusCode(201)
                .extract().path("threadId");
        byte[] body = as(f.tutor()).get("/api/parent/threads/" + thread + "/export").then().statusCode(200)
                .extract().asByteArray();
        JsonNode export = new ObjectMapper().readTree(body);
        JsonNode attachment = export.path("messages").get(0).path("attachment");
        assertEquals(url.substring(url.lastIndexOf('/') + 1), attachment.path("id").asText());
        assertEquals("worksheet.png", attachment.path("fileName").asText());
        assertEquals("image/png", attachment.path("contentType").asText());
        assertEquals(PNG.length, attachment.path("size").asLong());
        assertEquals(ChainHash.hex(ChainHash.sha256(PNG)), attachment.path("sha256").asText());
        anonymous().body(body).post("/api/exports/verify").then().statusCode(200).body("valid", equalTo(true));

        ((com.fasterxml.jackson.databind.node.ObjectNode) attachment).put("sha256",
                ChainHash.hex(ChainHash.sha256(new byte[]{1})));
        anonymous().body(export.toString()).post("/api/exports/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenIndex", equalTo(0));
    }
}
