package io.tutoring.web;

import java.net.URI;

/** Which requests are pages, and which local paths are safe to send a browser back to. */
public final class Paths {

    private Paths() {
    }

    /** Pages are everything but the JSON API and Quarkus' own endpoints. */
    public static boolean isPage(String path) {
        return !(path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/"));
    }

    /**
     * A path on this site to return to after signing in, or {@code "/"}: only an absolute path of this origin
     * ({@code /messages?x=1}), never a scheme, a host ({@code //evil.example}) or a backslash trick.
     */
    public static String safeReturn(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return "/";
            }
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
        if (next.startsWith("/signin") || next.startsWith("/signout")) {
            return "/";
        }
        return next;
    }

    /** The path and query of an absolute URL (htmx's HX-Current-URL), or {@code "/"}. */
    public static String pathOf(String url) {
        if (url == null) {
            return "/";
        }
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return safeReturn(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
    }
}
