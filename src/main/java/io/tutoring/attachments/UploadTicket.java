package io.tutoring.attachments;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to an upload request: where to PUT the bytes (with exactly these headers, before {@code expiresAt})
 * and the {@code attachmentUrl} to send the message with afterwards.
 */
public record UploadTicket(String attachmentUrl, Upload upload, Instant expiresAt) {

    /** A presigned request: the body must be exactly the declared number of bytes. */
    public record Upload(String url, String method, Map<String, String> headers) {
    }

    static Map<String, String> clientHeaders(Map<String, List<String>> signed) {
        // Host and Content-Length are set by every HTTP client from the URL and the body; the rest must be sent as is.
        java.util.TreeMap<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return headers;
    }

    private static String canonical(String name) {
        return name.equalsIgnoreCase("content-type") ? "Content-Type" : name;
    }
}
