package io.tutoring.papertrail;

import io.tutoring.common.failures.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The HTTP side shared by the participants' and the admins' export: the format and zone parameters, and a
 * streamed answer that writes the export while the messages are read.
 */
@ApplicationScoped
public class Exports {

    static final String PDF = "application/pdf";

    private final JsonExport json;
    private final PdfExport pdf;
    private final Clock clock;

    public Exports(JsonExport json, PdfExport pdf, Clock clock) {
        this.json = json;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** {@code json} (default) or {@code pdf}; anything else is a 400. */
    static boolean isPdf(String format) {
        if (format == null || format.isBlank()) {
            return false;
        }
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> false;
            case "pdf" -> true;
            default -> throw new InvalidInput("format must be json or pdf");
        };
    }

    /** The reader's zone for the PDF: {@code zone} (an IANA name), else the pages' {@code tz} cookie, else UTC. */
    static ZoneId zone(String zone, String cookie) {
        if (zone != null && !zone.isBlank()) {
            try {
                return ZoneId.of(zone.trim());
            } catch (DateTimeException e) {
                throw new InvalidInput("zone must be a time zone name such as Europe/Berlin");
            }
        }
        if (cookie != null && !cookie.isBlank()) {
            try {
                return ZoneId.of(cookie.trim());
            } catch (DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneOffset.UTC;
    }

    /** The streamed answer: JSON or PDF, offered for download under the thread's id. */
    Response answer(PaperTrailService.Export export, boolean asPdf, ZoneId zone) {
        Instant now = Instant.now(clock);
        String name = "thread-" + export.thread().threadId() + (asPdf ? ".pdf" : ".json");
        StreamingOutput body = asPdf ? out -> pdf.write(export, zone, now, out) : out -> json.write(export, now, out);
        return Response.ok(body, asPdf ? PDF : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
