package io.tutoring.users;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Puts a bearer token's identity into {@link TokenCache} once OIDC verified it. Quarkus runs augmentors only on an
 * identity a provider built, so a failed verification never gets here; this one runs first, so what it keeps is
 * OIDC's identity as built, and the other augmentors run on a remembered identity as they did on the fresh one.
 */
@Singleton
public class TokenCacheFiller implements SecurityIdentityAugmentor {

    private final TokenCache cache;

    public TokenCacheFiller(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> requestAttributes) {
        // Set by CachedTokenProvider on a bearer token it did not have; absent for a hit and for the code flow.
        if (requestAttributes.get(TokenCache.MISSED_KEY) instanceof String key) {
            cache.remember(key, identity);
        }
        return Uni.createFrom().item(identity);
    }
}
