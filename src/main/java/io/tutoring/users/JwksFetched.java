package io.tutoring.users;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Empties {@link TokenCache} whenever OIDC fetches the issuer's key set (JWKS): at start, and when a token names a
 * key OIDC does not know (a rotation), at most every {@code quarkus.oidc.token.forced-jwk-refresh-interval}.
 */
@Unremovable // OIDC looks its filters up by type; nothing injects this bean
@Singleton
@OidcEndpoint(OidcEndpoint.Type.JWKS)
public class JwksFetched implements OidcResponseFilter {

    private final TokenCache cache;

    public JwksFetched(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Uni<Void> filter(OidcResponseFilterContext response) {
        if (response.statusCode() == 200) {
            cache.flushForNewKeys();
        }
        return Uni.createFrom().voidItem();
    }
}
