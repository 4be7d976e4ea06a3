package io.tutoring.papertrail;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tutoring.messaging.ChainHash;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes a thread's JSON export as its messages are read: each message goes out as soon as its batch arrives,
 * so memory stays bounded by one batch whatever the thread's length. The layout is docs/paper-trail.md's.
 */
@ApplicationScoped
public class JsonExport {

    private final ObjectMapper mapper;
    private final PaperTrailService service;

    public JsonExport(ObjectMapper mapper, PaperTrailService service) {
        this.mapper = mapper;
        this.service = service;
    }

    public void write(PaperTrailService.Export export, Instant exportedAt, OutputStream out) throws IOException {
        PaperTrailQueries.Header thread = export.thread();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", ChainHash.VERSION);
            json.writeStringField("exportedAt", ChainHash.time(exportedAt));
            json.writeObjectFieldStart("thread");
            json.writeStringField("id", thread.threadId().toString());
            user(json, "parent", thread.parent());
            user(json, "tutor", thread.tutor());
            user(json, "student", thread.student());
            json.writeEndObject();
            json.writeStringField("genesis", ChainHash.hex(ChainHash.genesis(thread.threadId())));
            json.writeArrayFieldStart("messages");
            int[] count = {0};
            try {
                service.forEachMessage(export, m -> {
                    try {
                        message(json, m);
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            json.writeEndArray();
            json.writeNumberField("messageCount", count[0]);
            json.writeStringField("chainHead", thread.headHash() == null
                    ? ChainHash.hex(ChainHash.genesis(thread.threadId())) : ChainHash.hex(thread.headHash()));
            json.writeArrayFieldStart("timeline");
            for (TimelineEntry entry : export.timeline()) {
                json.writeStartObject();
                json.writeStringField("at", ChainHash.time(entry.at()));
                json.writeStringField("type", entry.type());
                json.writeStringField("action", entry.action());
                if (entry.actor() != null) {
                    user(json, "actor", entry.actor());
                }
                if (entry.invite() != null) {
                    json.writeStringField("invite", entry.invite());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void message(JsonGenerator json, ExportedMessage m) throws IOException {
        json.writeStartObject();
        json.writeNumberField("index", m.index());
        json.writeStringField("id", m.id().toString());
        json.writeStringField("role", m.role());
        json.writeStringField("senderId", m.senderId().toString());
        json.writeStringField("createdAt", ChainHash.time(m.createdAt()));
        json.writeBooleanField("ackRequested", m.ackRequested());
        time(json, "readAt", m.readAt());
        time(json, "ackedAt", m.ackedAt());
        if (m.attachment() == null) {
            json.writeNullField("attachment");
        } else {
            ExportedMessage.Attachment a = m.attachment();
            json.writeObjectFieldStart("attachment");
            json.writeStringField("id", a.id().toString());
            json.writeStringField("fileName", a.fileName());
            json.writeStringField("contentType", a.contentType());
            json.writeNumberField("size", a.size());
            if (a.sha256() == null) {
                json.writeNullField("sha256");
            } else {
                json.writeStringField("sha256", ChainHash.hex(a.sha256()));
            }
            json.writeEndObject();
        }
        json.writeStringField("message", m.text());
        json.writeStringField("prevHash", ChainHash.hex(m.prevHash()));
        json.writeStringField("hash", ChainHash.hex(m.hash()));
        json.writeEndObject();
    }

    private static void user(JsonGenerator json, String field, UserRef user) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("id", user.id().toString());
        json.writeStringField("name", user.name());
        json.writeEndObject();
    }

    private static void time(JsonGenerator json, String field, Instant at) throws IOException {
        if (at == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, ChainHash.time(at));
        }
    }
}
