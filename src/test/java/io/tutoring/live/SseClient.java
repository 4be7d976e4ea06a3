package io.tutoring.live;

import io.tutoring.support.Person;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real SSE client for tests: java.net.http streams the response body, a thread parses it line by line into
 * events (RFC text/event-stream: {@code id}, {@code event}, {@code data}, comments) as they arrive.
 */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {
        long number() {
            return Long.parseLong(id);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger keepAlives = new AtomicInteger();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final InputStream body;
    private final HttpResponse<InputStream> response;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.body = response.body();
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream as the person (bearer token) and waits until the server has sent its first line. */
    static SseClient open(URI uri, Person person) {
        return open(uri, person, null);
    }

    static SseClient open(URI uri, Person person, String lastEventId) {
        HttpRequest.Builder request = request(uri).header("Authorization", "Bearer " + person.token());
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return open(request);
    }

    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    }

    static SseClient open(HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                fail("the stream answered " + response.statusCode() + ": " + text);
            }
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            SseClient client = new SseClient(response);
            assertTrue(client.connected.await(10, TimeUnit.SECONDS), "the stream starts with a comment");
            return client;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status and body of a request that is not expected to become a stream. */
    static HttpResponse<String> refused(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event, waiting up to {@code timeout}; fails if none comes. */
    Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                fail("no event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event of this name (others before it are skipped), waiting up to five seconds. */
    Event next(String name) {
        return next(e -> e.name().equals(name), Duration.ofSeconds(5));
    }

    Event next(Predicate<Event> wanted, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
            Event event = next(Duration.ofMillis(left));
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** Every event that arrives within {@code quiet}. */
    List<Event> drain(Duration quiet) {
        List<Event> all = new ArrayList<>();
        try {
            Event event;
            while ((event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                all.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return all;
    }

    /**
     * Asserts that no thread event ({@code message}, {@code read}, {@code unread}) arrived within {@code grace}. A
     * {@code link} event of the caller's own link may: a stream opened right after the link changed gets it when the
     * listener delivers it after the stream opened (seen on a loaded machine).
     */
    void assertNoThreadEvents(Duration grace) {
        assertEquals(List.of(), drain(grace).stream().filter(e -> !e.name().equals("link")).toList(),
                "events the caller must not receive");
    }

    int keepAlives() {
        return keepAlives.get();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    connected.countDown();
                    if (line.contains("keep-alive")) {
                        keepAlives.incrementAndGet();
                    }
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            // closed by the test, or by the server
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
