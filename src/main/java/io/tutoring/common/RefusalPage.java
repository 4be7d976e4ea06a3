package io.tutoring.common;

import io.vertx.core.http.HttpServerRequest;

/**
 * How a refusal of {@link HttpGuards} reads in a browser. The guards answer before the application runs, in
 * problem+json; a person who typed a broken address into the browser should get a page instead. The pages
 * ({@code web}) implement this, so that {@code common} needs no templates.
 */
public interface RefusalPage {

    /** Whether this request is for a page and comes from a browser (so the refusal is a page, not problem+json). */
    boolean wanted(HttpServerRequest request);

    /** The whole HTML document for a refusal with this status. */
    String render(int status);
}
