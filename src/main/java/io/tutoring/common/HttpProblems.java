package io.tutoring.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes a {@link Problem} straight onto a Vert.x response, for the answers given before RESTEasy runs (the HTTP
 * guards); the same body as {@link Problem#response} gives through the exception mappers.
 */
public final class HttpProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpProblems() {
    }

    public static void end(HttpServerResponse response, int status, String title, String detail) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new Problem("about:blank", title, status, detail, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
