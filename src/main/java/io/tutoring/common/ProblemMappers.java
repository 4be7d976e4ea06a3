package io.tutoring.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tutoring.common.failures.DomainException;
import io.tutoring.common.failures.RateLimited;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A few narrow mappers that turn the failures a client can cause into {@code application/problem+json}. There is
 * deliberately no catch-all: an unexpected exception stays a plain 500 without its text.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The services' own failures: one status per kind, the message as the detail. */
    @ServerExceptionMapper
    public Response domain(DomainException e) {
        Response response = switch (e.kind()) {
            case NOT_FOUND -> Problem.response(404, "Not found", e.getMessage());
            case NOT_ALLOWED -> Problem.response(403, "Forbidden", e.getMessage());
            case CONFLICT -> Problem.response(409, "Conflict", e.getMessage());
            case INVALID_INPUT -> Problem.response(400, "Bad request", e.getMessage(), e.fields().isEmpty() ? null
                    : e.fields().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
            case GONE -> Problem.response(410, "Gone", e.getMessage());
            case RATE_LIMITED -> Problem.response(429, "Too many requests", e.getMessage());
            case TOO_LARGE -> Problem.response(413, "Payload too large", e.getMessage());
            case WRONG_KIND -> Problem.response(422, "Unprocessable content", e.getMessage());
        };
        if (e instanceof RateLimited limited) {
            long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problem.response(400, "Invalid request", detail, errors);
    }

    /** Quarkus raises this subtype for violations on resource parameters; it has a built-in mapper to override. */
    @ServerExceptionMapper
    public Response parameterValidation(ResteasyReactiveViolationException e) {
        return validation(e);
    }

    /**
     * A body that is not JSON, or whose JSON does not fit the request record. When Jackson knows the field (a wrong
     * type, an unknown enum value, text that cannot be stored: see {@link StrictJson}), the problem names it in
     * {@code errors}, as validation does.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping.getPath());
            String message = expectation(mapping);
            return Problem.response(400, "Invalid request", field + ": " + message,
                    List.of(new Problem.FieldError(field, message)));
        }
        return Problem.response(400, "Malformed request body", "The request body is not valid JSON for this endpoint");
    }

    /** "roles[0]", "upload.size": the path of the field in the body. */
    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                field.append('[').append(r.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** What the field must be, from the type Jackson was reading. */
    private static String expectation(JsonMappingException e) {
        if (e instanceof StrictJson.UnstorableText) {
            return e.getOriginalMessage();
        }
        Class<?> type = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                ? m.getTargetType() : null;
        if (type == null) {
            return "has a value of the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == java.math.BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 time string such as 2026-01-31T18:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    /** quarkus-rest-jackson has its own mappers for these subtypes; ours answer in problem+json instead. */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return notSignedIn();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return notSignedIn();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", "Your account does not have a role that may use this endpoint");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Server error while handling a request", e);
            return Problem.response(status, "Server error", "The server could not complete the request");
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "The requested media type is not available";
            case 413 -> "The request body is too large";
            case 415 -> "Send the body as application/json";
            default -> "The request could not be processed";
        };
        return Problem.response(status, title, detail);
    }

    private static Response notSignedIn() {
        return Response.fromResponse(Problem.response(401, "Unauthorized", "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // "send.request.message" -> "message": drop the method and parameter names of the path.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }
}
