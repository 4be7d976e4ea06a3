package io.tutoring.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tutoring.common.Time;
import io.tutoring.common.failures.Conflict;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.common.failures.WrongKind;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Safe retries (SPEC "Retries"): the one mechanism behind the {@code Idempotency-Key} header of the POSTs that
 * create something. A resource hands over the key, the caller, the operation, the parsed body and the work:
 * <ul>
 * <li>no key: the work runs, as without this class;</li>
 * <li>a new key: the key is claimed (a row committed before the work starts), the work runs, and a successful answer
 * (status, JSON body, {@code Location} and {@code Content-Type}) is stored under the key for {@code idempotency.ttl}
 * (24 h); a failure (an exception, or an answer that is not a 2xx) releases the key, so that a retry runs again —
 * a failed request changed nothing;</li>
 * <li>the same key and body again: the stored answer, byte for byte, with {@code Idempotent-Replayed: true}, and
 * nothing else happens;</li>
 * <li>the same key with another body or for another operation: 422;</li>
 * <li>the same key while the first request still runs: 409 with {@code Retry-After} (the IETF draft
 * "The Idempotency-Key HTTP Header Field" asks for that), so of concurrent requests only one does the work.</li>
 * </ul>
 * Keys belong to the caller: two users may use the same key. Expired rows are deleted by {@link IdempotencyPurge}.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    /** 1–255 visible ASCII characters (SPEC "Retries"). */
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** The headers of an answer that a replay repeats; the rest belong to the moment (dates, request ids). */
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_TYPE);
    private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {
    };

    private static final Logger LOG = Logger.getLogger(Idempotency.class);

    /** The request being served (a proxy): the header parameter reads an empty header as absent, this does not. */
    private final HttpServerRequest request;
    private final IdempotencyQueries queries;
    private final IdempotencyConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public Idempotency(IdempotencyQueries queries, IdempotencyConfig config, ObjectMapper json, Clock clock,
                       HttpServerRequest request) {
        this.request = request;
        this.queries = queries;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code work} at most once per ({@code caller}, {@code key}) within the key's lifetime and answers every
     * repeat with the first answer. {@code operation} names the endpoint (a key reused on another endpoint is
     * "another body"); {@code body} is the parsed request, compared by its JSON form. {@code key} is the header's
     * value; an empty or repeated header is a 400 like a malformed one.
     */
    public Response once(String key, UUID caller, String operation, Object body, Supplier<Response> work) {
        List<String> sent = request.headers().getAll(HEADER);
        if (key == null && sent.isEmpty()) {
            return work.get();
        }
        if (key == null || sent.size() > 1 || !WELL_FORMED.matcher(key).matches()) {
            throw InvalidInput.field(HEADER, "must be 1 to 255 visible ASCII characters (no spaces or controls)");
        }
        byte[] fingerprint = fingerprint(operation, body);
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = Time.now(clock);
            boolean claimed = QuarkusTransaction.requiringNew().call(() -> queries.claim(caller, key, fingerprint,
                    now, now.plus(config.ttl()), now.minus(config.inFlightTimeout())));
            if (claimed) {
                return runClaimed(key, caller, work);
            }
            Optional<IdempotencyQueries.Stored> stored = QuarkusTransaction.requiringNew()
                    .call(() -> queries.find(caller, key));
            if (stored.isEmpty()) {
                continue; // released by a request that failed just now: claim it again
            }
            IdempotencyQueries.Stored first = stored.get();
            if (!MessageDigest.isEqual(first.fingerprint(), fingerprint)) {
                throw new WrongKind("This " + HEADER + " was already used with another request body or endpoint;"
                        + " use a new key for a new request");
            }
            if (first.completedAt() == null) {
                throw new Conflict("A request with this " + HEADER + " is still being processed; retry shortly to"
                        + " get its answer");
            }
            return answer(first.status(), headers(first.headers()), first.body()).header(REPLAYED, "true").build();
        }
        throw new Conflict("A request with this " + HEADER + " is still being processed; retry shortly to get its"
                + " answer");
    }

    private Response runClaimed(String key, UUID caller, Supplier<Response> work) {
        Response response;
        try {
            response = work.get();
        } catch (RuntimeException | Error e) {
            release(caller, key);
            throw e;
        }
        if (response.getStatus() < 200 || response.getStatus() > 299) {
            release(caller, key);
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (response.hasEntity() && !headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
            headers.put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        String body;
        String headerJson;
        try {
            body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
            headerJson = json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            release(caller, key);
            throw new IllegalStateException("The answer could not be written as JSON", e);
        }
        // The work has happened. Should storing its answer fail (the database went away just now), the key stays
        // in flight: a repeat gets 409 until idempotency.in-flight-timeout, then runs again.
        try {
            QuarkusTransaction.requiringNew().run(() -> queries.record(caller, key, Time.now(clock),
                    response.getStatus(), headerJson, body));
        } catch (RuntimeException e) {
            LOG.warnf("The answer to a request with an %s could not be stored (%s)", HEADER, e.getClass().getSimpleName());
        }
        return answer(response.getStatus(), headers, body).build();
    }

    private void release(UUID caller, String key) {
        QuarkusTransaction.requiringNew().run(() -> queries.release(caller, key));
    }

    private static Response.ResponseBuilder answer(int status, Map<String, String> headers, String body) {
        Response.ResponseBuilder answer = Response.status(status);
        headers.forEach(answer::header);
        if (body != null) {
            answer.entity(body);
        }
        return answer;
    }

    private Map<String, String> headers(String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, HEADER_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored headers are not JSON", e);
        }
    }

    private byte[] fingerprint(String operation, Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(body));
            return sha.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
