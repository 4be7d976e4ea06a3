package io.tutoring.attachments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Makes a client's file name safe to store, show and send back in a {@code Content-Disposition}: no path, no
 * control or quoting characters, a bounded length, and an extension that matches the checked type (so that a
 * saved "invoice.html" that is really a PNG opens as a PNG).
 */
public final class FileNames {

    static final int MAX_LENGTH = 150;

    private FileNames() {
    }

    public static String sanitize(String raw, FileType type) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> clean.appendCodePoint(allowed(cp) ? cp : '_'));
        name = clean.toString().strip().replaceAll("_{2,}", "_");
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "attachment";
        }
        String extension = "." + type.extension();
        if (type.hasExtension(name)) {
            extension = name.substring(name.lastIndexOf('.'));
            name = name.substring(0, name.lastIndexOf('.'));
        }
        int room = MAX_LENGTH - extension.length();
        if (name.codePointCount(0, name.length()) > room) {
            name = name.substring(0, name.offsetByCodePoints(0, room)).strip();
        }
        return (name.isEmpty() ? "attachment" : name) + extension;
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266 / RFC 8187). */
    public static String contentDisposition(String safeName) {
        StringBuilder ascii = new StringBuilder(safeName.length());
        safeName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '%' ? (char) cp : '_'));
        String encoded = URLEncoder.encode(safeName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static boolean allowed(int cp) {
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' ') {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return false;
        }
        return "\"\\/:*?<>|;%".indexOf(cp) < 0;
    }
}
