package io.tutoring.attachments;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure parts of the attach check: signatures, the allowlist, file names. No server needed. */
class AttachmentFileChecksTest {

    @Test
    void signaturesMatchTheirTypeOnly() {
        assertTrue(FileType.PNG.matches(Uploads.PNG));
        assertTrue(FileType.JPEG.matches(Uploads.JPEG));
        assertTrue(FileType.GIF.matches(Uploads.GIF));
        assertTrue(FileType.WEBP.matches(Uploads.WEBP));
        assertTrue(FileType.PDF.matches(Uploads.PDF));
        for (FileType type : FileType.values()) {
            assertFalse(type.matches(Uploads.HTML), type + " must refuse HTML");
            assertFalse(type.matches(Uploads.SVG), type + " must refuse SVG");
            assertFalse(type.matches(new byte[0]), type + " must refuse an empty file");
        }
        assertFalse(FileType.PDF.matches(Uploads.PNG));
        assertFalse(FileType.WEBP.matches("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(FileType.JPEG.matches(new byte[]{(byte) 0xFF, (byte) 0xD8}));
    }

    @Test
    void onlyTheAllowlistedMediaTypesAreKnown() {
        assertEquals(FileType.PNG, FileType.of(" Image/PNG ").orElseThrow());
        assertEquals(FileType.PDF, FileType.of("application/pdf").orElseThrow());
        assertTrue(FileType.of("image/svg+xml").isEmpty());
        assertTrue(FileType.of("text/html").isEmpty());
        assertTrue(FileType.of("image/png;charset=utf-8").isEmpty());
        assertTrue(FileType.of(null).isEmpty());
    }

    @Test
    void fileNamesLoseTheirPathAndDangerousCharacters() {
        assertEquals("passwd.png", FileNames.sanitize("../../etc/passwd", FileType.PNG));
        assertEquals("report.pdf", FileNames.sanitize("C:\\Users\\x\\report.pdf", FileType.PDF));
        assertEquals("_a_b_.jpg", FileNames.sanitize("\"a\"\r\nb;.jpg", FileType.JPEG));
        assertEquals("attachment.gif", FileNames.sanitize("   ", FileType.GIF));
        assertEquals("attachment.gif", FileNames.sanitize("...", FileType.GIF));
        assertEquals("htaccess.png", FileNames.sanitize(".htaccess", FileType.PNG));
        assertEquals("a_gnp.exe.png", FileNames.sanitize("a\u202egnp.exe", FileType.PNG), "no bidi overrides");
    }

    @Test
    void theExtensionAlwaysMatchesTheCheckedType() {
        assertEquals("invoice.html.png", FileNames.sanitize("invoice.html", FileType.PNG));
        assertEquals("photo.JPEG", FileNames.sanitize("photo.JPEG", FileType.JPEG));
        assertEquals("scan.pdf", FileNames.sanitize("scan", FileType.PDF));
        String longName = "x".repeat(400) + ".webp";
        String safe = FileNames.sanitize(longName, FileType.WEBP);
        assertEquals(FileNames.MAX_LENGTH, safe.length());
        assertTrue(safe.endsWith(".webp"), safe);
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndTheUtf8Name() {
        assertEquals("attachment; filename=\"Zeugnis f_r Mia.pdf\"; filename*=UTF-8''Zeugnis%20f%C3%BCr%20Mia.pdf",
                FileNames.contentDisposition("Zeugnis für Mia.pdf"));
    }

    @Test
    void attachmentUrlsAreOnlyThoseThisServiceIssues() {
        String id = "0b9c7c1e-4c44-4b8e-9d55-1f0f0e0b7d11";
        assertEquals(id, AttachmentService.idOf("/api/attachments/" + id).toString());
        assertEquals(id, AttachmentService.idOf("https://api.example/api/attachments/" + id).toString());
        for (String bad : new String[]{"", "   ", "/api/attachments/", "/api/attachments/" + id + "?x=1",
                "/api/attachments/" + id + "/..", "/api/other/" + id, "javascript:alert(1)", "%zz"}) {
            try {
                AttachmentService.idOf(bad);
                throw new AssertionError("accepted " + bad);
            } catch (io.tutoring.common.failures.InvalidInput e) {
                assertEquals(io.tutoring.common.failures.DomainException.Kind.INVALID_INPUT, e.kind(), bad);
            }
        }
    }
}
