package io.tutoring.attachments;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The allowlist of attachment types, each with the file extensions it may carry and its signature ("magic
 * bytes"). Anything else, HTML and SVG included, is refused: neither has a signature that matches.
 */
public enum FileType {
    JPEG("image/jpeg", List.of("jpg", "jpeg")) {
        @Override
        boolean matches(byte[] head) {
            return startsWith(head, 0, 0xFF, 0xD8, 0xFF);
        }
    },
    PNG("image/png", List.of("png")) {
        @Override
        boolean matches(byte[] head) {
            return startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        }
    },
    GIF("image/gif", List.of("gif")) {
        @Override
        boolean matches(byte[] head) {
            return ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a");
        }
    },
    WEBP("image/webp", List.of("webp")) {
        @Override
        boolean matches(byte[] head) {
            return ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP");
        }
    },
    PDF("application/pdf", List.of("pdf")) {
        @Override
        boolean matches(byte[] head) {
            return ascii(head, 0, "%PDF-");
        }
    };

    /** How many leading bytes {@link #matches} needs to see. */
    public static final int SIGNATURE_LENGTH = 16;

    private final String mediaType;
    private final List<String> extensions;

    FileType(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual extension, added to a file name that does not already end in one of this type's. */
    public String extension() {
        return extensions.get(0);
    }

    public boolean hasExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Whether the first bytes of a file are this type's signature. */
    abstract boolean matches(byte[] head);

    /** The type for a declared media type (case-insensitive, without parameters), if it is on the allowlist. */
    public static Optional<FileType> of(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String wanted = mediaType.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(wanted)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(FileType::mediaType).toList());
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String expected) {
        return startsWith(head, offset, expected.chars().toArray());
    }
}
