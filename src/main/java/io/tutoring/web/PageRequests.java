package io.tutoring.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Rules for every page request. quarkus-rest-csrf checks the token of a form post (hidden field) or of a request
 * with the {@code X-CSRF-TOKEN} header (htmx), and lets other bodies through so that the bearer JSON API keeps
 * working; for pages, this filter refuses those other bodies, so no unsafe page request skips the check.
 * Page answers are personal: never stored by a shared cache or the browser's back-forward cache.
 */
public class PageRequests {

    private static final String CSRF_HEADER = "X-CSRF-TOKEN";

    @ServerRequestFilter(preMatching = true, priority = jakarta.ws.rs.Priorities.AUTHENTICATION + 100)
    public Response unsafeNeedsToken(ContainerRequestContext request) {
        if (!Paths.isPage(request.getUriInfo().getPath()) || isSafe(request.getMethod())) {
            return null;
        }
        if (request.getHeaderString(CSRF_HEADER) != null || isForm(request.getMediaType())) {
            return null;
        }
        return Response.status(400).build();
    }

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (Paths.isPage(request.getUriInfo().getPath())
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
