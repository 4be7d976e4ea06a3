package io.tutoring.invites;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client's network address for per-client rate limits. Behind a reverse proxy, turn on Quarkus' forwarded
 * header support ({@code quarkus.http.proxy.*}) with the proxy's address as trusted, so this is the real client.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        var address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
