package io.tutoring.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token for this page's forms and htmx requests, as templates use it:
 * {@code <input type="hidden" name="{inject:form.field}" value="{inject:form.token}">}.
 * It is what quarkus-rest-csrf puts on the request, and on answers that did not pass its filter (an error page for
 * a path nothing matched) the token of the browser's cookie: the layout renders everywhere, never fails on it.
 */
@Named("form")
@RequestScoped
public class FormToken {

    private final RoutingContext routing;
    private final String field;
    private final String cookie;

    public FormToken(RoutingContext routing,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token") String field,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String cookie) {
        this.routing = routing;
        this.field = field;
        this.cookie = cookie;
    }

    /** The form field's name. */
    public String field() {
        return field;
    }

    /** The token, or empty when this browser has none yet (a form posted with it is refused; reloading fixes it). */
    public String token() {
        Object token = routing.get("csrf_token");
        if (token != null) {
            return token.toString();
        }
        Cookie fromBrowser = routing.request().getCookie(cookie);
        return fromBrowser == null ? "" : fromBrowser.getValue();
    }
}
