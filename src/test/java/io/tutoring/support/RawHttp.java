package io.tutoring.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client will send: non-ASCII or doubled headers, huge URIs and
 * headers, malformed paths. One request per connection ({@code Connection: close}); the answer is read to the end.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    /** An answer: status, headers (lower-case names, last value wins) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /**
     * Sends {@code head} (request line and header lines, without the blank line that ends them) and {@code body}
     * (may be empty) to the service under test.
     */
    public static Answer send(String head, byte[] body) {
        return send(head.getBytes(StandardCharsets.UTF_8), body);
    }

    public static Answer send(byte[] head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write("\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read a large body; the answer is still there.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer get(String path, String... headerLines) {
        StringBuilder head = new StringBuilder("GET ").append(path).append(" HTTP/1.1");
        for (String line : headerLines) {
            head.append("\r\n").append(line);
        }
        return send(head.toString(), new byte[0]);
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException e) {
            // A reset after the answer (the server closing a connection with unread input) ends the stream.
            if (all.size() == 0) {
                throw e;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("No complete HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            // Sizes count bytes; bodies here are ASCII JSON, where bytes and chars agree.
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
