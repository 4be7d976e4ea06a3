package io.tutoring.web;

import jakarta.ws.rs.core.HttpHeaders;

/** What htmx tells the server about a request (https://htmx.org/reference/#request_headers). */
public final class Htmx {

    /** Sent with every htmx request. */
    public static final String REQUEST = "HX-Request";
    /** The browser's URL when the request was made. */
    public static final String CURRENT_URL = "HX-Current-URL";
    /** Answer header: htmx sends the browser to this URL with a full page load. */
    public static final String REDIRECT = "HX-Redirect";
    /** Answer header: swap into this element instead of the request's target. */
    public static final String RETARGET = "HX-Retarget";
    /** Answer header: how to swap. */
    public static final String RESWAP = "HX-Reswap";

    private Htmx() {
    }

    public static boolean isHtmx(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString(REQUEST));
    }
}
