package io.tutoring.common;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is well-formed (what a load balancer or
 * gateway in front of the service sets), else a new UUID. The id is echoed in the response's {@code X-Request-Id}
 * and put into the logging MDC as {@code requestId}, so every line logged while the request is handled carries it
 * (the JSON log's {@code mdc.requestId}). Quarkus keeps the MDC in the request's Vert.x context, which follows the
 * request onto worker threads and ends with it.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Ids from outside: 1–128 characters that cannot break a log line or a header (no spaces or controls). */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+/=-]{0,127}");

    void register(@Observes Router router) {
        // Before every other route, the non-application ones (/q/health, /q/metrics) included.
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        String id = accept(rc.request().getHeader(HEADER));
        rc.put(MDC_KEY, id);
        rc.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        rc.addEndHandler(done -> MDC.remove(MDC_KEY));
        rc.next();
    }

    /** The incoming id if well-formed, else a new one. */
    static String accept(String incoming) {
        if (incoming != null && WELL_FORMED.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
