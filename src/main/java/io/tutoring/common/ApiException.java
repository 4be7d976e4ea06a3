package io.tutoring.common;

import jakarta.ws.rs.core.Response.Status;

/**
 * A client-facing failure with a status and a human-readable detail. Services throw it; {@link ProblemMappers}
 * turns it into {@code application/problem+json}. The detail is written for the API's users: never put internal
 * state or exception text into it.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final Long retryAfterSeconds;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ApiException(int status, String title, String detail, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Status.BAD_REQUEST.getStatusCode(), "Bad request", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Status.FORBIDDEN.getStatusCode(), "Forbidden", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Status.NOT_FOUND.getStatusCode(), "Not found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Status.CONFLICT.getStatusCode(), "Conflict", detail);
    }

    public static ApiException gone(String detail) {
        return new ApiException(Status.GONE.getStatusCode(), "Gone", detail);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), "Payload too large", detail);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(422, "Unprocessable content", detail);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "Too many requests", detail, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
