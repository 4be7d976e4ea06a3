package io.tutoring.papertrail;

import io.tutoring.messaging.ChainHash;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The printable export (Apache PDFBox): the thread's names, every message with its times in the reader's zone,
 * read and acknowledgement, attachment and hashes, then the family timeline; the chain head and "page i of n" on
 * every page. Pages are written as the messages are read and their content goes to a temporary-file cache
 * (PDFBox's scratch file), so a long thread does not fill the heap. Standard PDF fonts only (nothing to load at run
 * time, native-friendly); characters they cannot show are printed as "?" — the JSON export is the record, the PDF
 * its printout.
 */
@ApplicationScoped
public class PdfExport {

    private static final float MARGIN = 50;
    private static final float SIZE = 9.5f;
    private static final float LEADING = 12.5f;
    private static final float SMALL = 7f;

    private final PaperTrailService service;

    public PdfExport(PaperTrailService service) {
        this.service = service;
    }

    public void write(PaperTrailService.Export export, ZoneId zone, Instant exportedAt, OutputStream out)
            throws IOException {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            Writer w = new Writer(doc, export, zone);
            PaperTrailQueries.Header t = export.thread();
            w.line(w.bold, 14, "Conversation record");
            w.line(w.regular, SIZE, "Parent: " + t.parent().name() + "   Tutor: " + t.tutor().name()
                    + "   Student: " + t.student().name());
            w.line(w.regular, SIZE, "Thread " + t.threadId() + ", exported " + w.time(exportedAt) + " (times in "
                    + zone.getId() + ")");
            w.line(w.regular, SIZE, (t.headIndex() + 1) + " messages. Verify the JSON export of this thread "
                    + "against the chain head printed on every page (docs/paper-trail.md).");
            w.gap();
            try {
                service.forEachMessage(export, m -> {
                    try {
                        w.message(m, t);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            w.gap();
            w.line(w.bold, 12, "Family timeline");
            for (TimelineEntry e : export.timeline()) {
                w.line(w.regular, SIZE, w.time(e.at()) + "  " + Timeline.describe(e));
            }
            w.close();
            w.numberPages();
            doc.save(out);
        }
    }

    /** Lays out lines top to bottom, starting a page (with its header) when one is full. */
    private static final class Writer {
        final PDDocument doc;
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
        final String head;
        final DateTimeFormatter times;
        final Map<Integer, Boolean> encodable = new HashMap<>();
        PDPageContentStream content;
        float y;

        Writer(PDDocument doc, PaperTrailService.Export export, ZoneId zone) {
            this.doc = doc;
            PaperTrailQueries.Header t = export.thread();
            this.head = ChainHash.hex(t.headHash() == null ? ChainHash.genesis(t.threadId()) : t.headHash());
            this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        }

        String time(Instant at) {
            return at == null ? "-" : times.format(at);
        }

        void message(ExportedMessage m, PaperTrailQueries.Header t) throws IOException {
            String sender = "PARENT".equals(m.role()) ? t.parent().name() : t.tutor().name();
            String heading = "#" + m.index() + "  " + sender + " (" + m.role().toLowerCase() + ")  " + time(m.createdAt());
            need(LEADING * 3);
            line(bold, SIZE, heading);
            for (String paragraph : m.text().split("\n", -1)) {
                for (String l : wrap(regular, SIZE, paragraph)) {
                    line(regular, SIZE, l);
                }
            }
            String status = "Read: " + time(m.readAt())
                    + (m.ackRequested() ? "   Acknowledgement asked; acknowledged: " + time(m.ackedAt()) : "");
            line(regular, SMALL, status);
            if (m.attachment() != null) {
                ExportedMessage.Attachment a = m.attachment();
                line(regular, SMALL, "Attachment: " + a.fileName() + " (" + a.contentType() + ", " + a.size()
                        + " bytes) SHA-256 " + (a.sha256() == null ? "not recorded" : ChainHash.hex(a.sha256())));
            }
            line(mono, SMALL, "hash " + ChainHash.hex(m.hash()));
            gap();
        }

        void gap() throws IOException {
            ensurePage();
            y -= LEADING / 2;
        }

        void need(float height) throws IOException {
            ensurePage();
            if (y - height < MARGIN + 20) {
                newPage();
            }
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            need(size + 3.5f);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(printable(font, text));
            content.endText();
            y -= size + 3.5f;
        }

        private void ensurePage() throws IOException {
            if (content == null) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            float top = page.getMediaBox().getHeight() - 30;
            content.beginText();
            content.setFont(mono, SMALL);
            content.newLineAtOffset(MARGIN, top);
            content.showText("Chain head " + head);
            content.endText();
            y = top - 25;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        void numberPages() throws IOException {
            int n = doc.getNumberOfPages();
            int i = 0;
            for (PDPage page : doc.getPages()) {
                i++;
                try (PDPageContentStream footer = new PDPageContentStream(doc, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    footer.beginText();
                    footer.setFont(regular, SMALL);
                    footer.newLineAtOffset(MARGIN, 25);
                    footer.showText("Page " + i + " of " + n + "   Chain head " + head);
                    footer.endText();
                }
            }
        }

        /** Words onto lines that fit the text width; a word longer than a line is cut. */
        List<String> wrap(PDType1Font font, float size, String paragraph) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : printable(font, paragraph).split(" ", -1)) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, size, candidate) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                        cut = cut * 3 / 4;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                current.append(rest);
            }
            lines.add(current.toString());
            return lines;
        }

        private static float width(PDType1Font font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** The text with each character the font cannot encode (and every control character) as "?". */
        String printable(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> out.append(canShow(font, cp) ? Character.toString(cp) : "?"));
            return out.toString();
        }

        private boolean canShow(PDType1Font font, int cp) {
            if (Character.isISOControl(cp)) {
                return false;
            }
            return encodable.computeIfAbsent(cp, c -> {
                try {
                    font.encode(Character.toString(c));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
        }
    }
}
