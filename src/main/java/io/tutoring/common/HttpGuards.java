package io.tutoring.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every request before Quarkus (authentication, body reading, RESTEasy) sees it, so that what the HTTP layer
 * refuses is answered like every other error, in problem+json (issue 11 items 1 and 4):
 * <ul>
 * <li>414 for a request target longer than {@code hardening.max-uri-length}, 431 for headers larger than
 * {@code hardening.max-header-size}. Vert.x's own decoder limits ({@code quarkus.http.limits.max-initial-line-length}
 * and {@code max-header-size}) are set well above these, so these are the limits clients meet; beyond Vert.x's the
 * connection gets Vert.x's bare answer.</li>
 * <li>413 for a declared {@code Content-Length} over {@code quarkus.http.limits.max-body-size}; 411 for a body sent
 * without its length ({@code Transfer-Encoding: chunked}), which Quarkus would cut off past the limit with a bare
 * 413.</li>
 * <li>401 for an {@code Authorization} header that cannot be a token this service accepts: not exactly one header,
 * not the {@code Bearer} scheme, or not a signed JWT in compact form (three base64url parts whose first two are JSON
 * objects, the first naming its {@code alg}). Quarkus OIDC answers some of those with a 500 (a token of dots throws
 * {@code NoSuchElementException}, a header that is not JSON a {@code NullPointerException}); everything that passes
 * here is a structurally sound JWT whose signature, issuer, audience and expiry OIDC then checks as before.</li>
 * </ul>
 * A browser asking for a page gets each refusal but the 401 as a page instead ({@link RefusalPage}, implemented by
 * the pages). A failure handler does the same for a 400/413/414/431 that a later route raises with
 * {@code rc.fail(status)}. The management paths under {@code /q/} are left alone, except by the check of the request
 * target.
 * <p>
 * Not covered (issue 11 item 4, known gap): what Netty's HTTP decoder refuses (a header line without a colon or with a
 * space in its name, a {@code Content-Length} that is not one number, an unknown HTTP version, a request line over
 * {@code quarkus.http.limits.max-initial-line-length} or headers over {@code quarkus.http.limits.max-header-size}) goes
 * to the {@code HttpServer}'s invalid-request handler, Vert.x's {@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}:
 * a bare 400/414/431. Quarkus 3.33.2's {@code VertxHttpRecorder} creates that server itself and never calls
 * {@code invalidRequestHandler}; it exposes only the options ({@code HttpServerOptionsCustomizer}, the
 * {@code HttpServerStart} event), which hold neither a handler nor a Netty pipeline hook, and the only connection
 * handler is Quarkus's own (for {@code max-connections}). Reaching it would take reflection into internals.
 * <p>
 * Malformed request targets are covered: one with a malformed escape ({@code %zz}, a lone {@code %}, also in the
 * query) or a character that must be escaped is a 400 problem+json, a target that is not a path ({@code *},
 * {@code abc}) a 404 problem+json. Quarkus's own check of the target, a bare 400, is switched off by
 * {@code vertx.disableURIValidation}, which {@link io.tutoring.Main}, the tests and dev mode set; this guard makes the
 * same check first, also under {@code /q/}. That holds because this route is the first one on the one router every
 * request goes through: with {@code quarkus.http.root-path} other than {@code /}, or the management interface on a
 * port of its own, requests would reach routers this guard is not on (neither is used here). HttpLimitsTest covers
 * both and pins the decoder's bare answers.
 */
@ApplicationScoped
public class HttpGuards {

    /** RFC 6750 bearer credentials holding a compact JWS: header.payload.signature, each base64url. */
    private static final Pattern BEARER_JWT =
            Pattern.compile("Bearer ([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Integer> ANSWERED_FAILURES = List.of(400, 413, 414, 431);

    private final HardeningConfig config;
    private final Optional<MemorySize> maxBodySize;
    private final Instance<RefusalPage> pages;

    public HttpGuards(HardeningConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            Instance<RefusalPage> pages) {
        this.config = config;
        this.maxBodySize = maxBodySize;
        this.pages = pages;
    }

    /** After {@link RequestIds} (its observer has the default priority), so refused requests carry their id. */
    void register(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void check(RoutingContext rc) {
        var request = rc.request();
        if (!validTarget(request.uri())) {
            // Also under /q/. Past this point Vert.x-Web throws decoding such a path while matching routes: a bare 400
            // and a logged stack trace, or a 500 where a resource decodes the query.
            refuse(rc, 400, "Bad request", "The request path or query is malformed (an invalid %-escape or a"
                    + " character that must be escaped)");
            return;
        }
        if (management(rc)) {
            rc.next();
            return;
        }
        if (request.uri().length() > config.maxUriLength()) {
            refuse(rc, 414, "URI too long", "The request URI is longer than " + config.maxUriLength()
                    + " characters");
            return;
        }
        if (headerSize(request.headers()) > config.maxHeaderSize().asLongValue()) {
            refuse(rc, 431, "Request header fields too large", "The request headers are larger than "
                    + config.maxHeaderSize().asLongValue() + " bytes");
            return;
        }
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // Bodies here are small JSON documents and forms, which clients send with their length. A chunked body
            // over the limit would be cut off by Quarkus with a bare 413 mid-read; refusing it up front keeps every
            // answer problem+json.
            refuse(rc, 411, "Length required", "Send the request body with a Content-Length header");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent() && tooLong(length, maxBodySize.get().asLongValue())) {
            refuse(rc, 413, "Payload too large", "The request body is larger than "
                    + maxBodySize.get().asLongValue() + " bytes");
            return;
        }
        List<String> authorization = request.headers().getAll(HttpHeaders.AUTHORIZATION);
        if (!authorization.isEmpty() && !wellFormed(authorization)) {
            boolean bearer = authorization.size() == 1
                    && authorization.get(0).regionMatches(true, 0, "Bearer", 0, "Bearer".length());
            rc.response().putHeader("WWW-Authenticate", bearer ? "Bearer error=\"invalid_token\"" : "Bearer");
            refuse(rc, 401, "Unauthorized", bearer ? "The bearer token is malformed"
                    : "Send one Authorization header with a bearer token");
            return;
        }
        rc.next();
    }

    private void failed(RoutingContext rc) {
        String path = rc.request().path();
        if (rc.statusCode() == 404 && path != null && !path.startsWith("/") && !rc.response().ended()) {
            // Vert.x-Web fails a target that is not a path (asterisk-form, or a bare word) with a 404 before any
            // route runs; only failure handlers see it.
            refuse(rc, 404, "Not Found", "The request target is not a path: paths start with /");
            return;
        }
        if (management(rc) || !ANSWERED_FAILURES.contains(rc.statusCode()) || rc.response().ended()) {
            rc.next();
            return;
        }
        switch (rc.statusCode()) {
            case 413 -> refuse(rc, 413, "Payload too large", "The request body is too large");
            case 414 -> refuse(rc, 414, "URI too long", "The request URI is too long");
            case 431 -> refuse(rc, 431, "Request header fields too large", "The request headers are too large");
            default -> refuse(rc, 400, "Bad request", "The request is malformed (its path or a header)");
        }
    }

    /**
     * Problem+json, or for a browser asking for a page a page ({@link RefusalPage}); a 401 stays problem+json (a
     * browser never sends the Authorization header that earns it).
     */
    private void refuse(RoutingContext rc, int status, String title, String detail) {
        if (status != 401) {
            // The rest of the request is not read: ask the client to open a new connection.
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        if (status != 401 && pages.isResolvable() && !rc.response().ended() && pages.get().wanted(rc.request())) {
            rc.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(pages.get().render(status));
            return;
        }
        HttpProblems.end(rc.response(), status, title, detail);
    }

    private static boolean management(RoutingContext rc) {
        String path = rc.request().path();
        return path != null && path.startsWith("/q/");
    }

    /**
     * The check Quarkus makes before any route (a target {@link URI} refuses: a malformed %-escape, a space, a
     * {@code |} or a brace), which it answers with a bare 400 unless {@code vertx.disableURIValidation} is set;
     * {@link io.tutoring.Main} sets it, so this one answers instead.
     */
    static boolean validTarget(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static boolean tooLong(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** One header, the Bearer scheme, a compact JWS whose header and payload are JSON objects. */
    static boolean wellFormed(List<String> authorization) {
        if (authorization.size() != 1) {
            return false;
        }
        Matcher m = BEARER_JWT.matcher(authorization.get(0));
        if (!m.matches()) {
            return false;
        }
        JsonNode header = decode(m.group(1));
        JsonNode payload = decode(m.group(2));
        return header != null && header.isObject() && header.path("alg").isTextual()
                && payload != null && payload.isObject();
    }

    private static JsonNode decode(String base64url) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(base64url));
        } catch (Exception e) {
            return null;
        }
    }
}
