package io.tutoring.attachments;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.tutoring.support.Person;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.tutoring.support.Api.as;

/** The client's side of attachments: ask for an upload, PUT the bytes to S3, send, download. */
final class Uploads {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static final byte[] PNG = bytes(new int[]{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D},
            "IHDR fake png body for tests");
    static final byte[] JPEG = bytes(new int[]{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10}, "JFIF jpeg body");
    static final byte[] GIF = ascii("GIF89a gif body");
    static final byte[] WEBP = ascii("RIFF\u0020\0\0\0WEBPVP8 webp body");
    static final byte[] PDF = ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    static final byte[] HTML = ascii("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    static final byte[] SVG = ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

    private Uploads() {
    }

    /** A ticket: attachmentUrl, upload.url, upload.method, upload.headers, expiresAt. */
    record Ticket(String attachmentUrl, String url, String method, Map<String, String> headers) {
    }

    static ValidatableResponse request(Person who, String fileName, String contentType, long size) {
        Map<String, Object> body = new HashMap<>();
        body.put("fileName", fileName);
        body.put("contentType", contentType);
        body.put("size", size);
        return as(who).body(body).post("/api/attachments").then();
    }

    static Ticket ticket(Person who, String fileName, String contentType, long size) {
        JsonPath json = request(who, fileName, contentType, size).statusCode(201).extract().jsonPath();
        return new Ticket(json.getString("attachmentUrl"), json.getString("upload.url"),
                json.getString("upload.method"), json.getMap("upload.headers", String.class, String.class));
    }

    /** PUTs the bytes to the presigned URL with the ticket's headers; returns S3's status. */
    static int put(Ticket ticket, byte[] bytes) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.url()))
                .method(ticket.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        ticket.headers().forEach(put::header);
        return call(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Asks for an upload of exactly these bytes and uploads them; returns the attachmentUrl. */
    static String upload(Person who, String fileName, String contentType, byte[] bytes) {
        Ticket ticket = ticket(who, fileName, contentType, bytes.length);
        int status = put(ticket, bytes);
        if (status != 200) {
            throw new AssertionError("S3 refused the upload: " + status);
        }
        return ticket.attachmentUrl();
    }

    static ValidatableResponse send(Person sender, Person tutor, Person student, String text, String attachmentUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("tutorId", tutor.id());
        body.put("studentId", student.id());
        body.put("message", text);
        body.put("attachmentUrl", attachmentUrl);
        return as(sender).body(body).post("/api/parent/messages").then();
    }

    /** The service's answer to GET attachmentUrl, without following the redirect. */
    static ValidatableResponse open(Person who, String attachmentUrl) {
        return as(who).redirects().follow(false).get(attachmentUrl).then();
    }

    /** Follows a presigned download the way a browser would: no bearer token goes to S3. */
    static HttpResponse<byte[]> fetch(String location) {
        return call(HttpRequest.newBuilder(URI.create(location)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int[] head, String rest) {
        byte[] tail = ascii(rest);
        byte[] all = new byte[head.length + tail.length];
        for (int i = 0; i < head.length; i++) {
            all[i] = (byte) head[i];
        }
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
