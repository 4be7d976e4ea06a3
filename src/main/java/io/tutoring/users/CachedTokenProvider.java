package io.tutoring.users;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Answers a bearer token that OIDC verified before from {@link TokenCache}. Tried before OIDC's provider (the
 * default priority, 1001): an answer of nothing makes Quarkus's identity provider manager ask OIDC, which verifies
 * the token as if this provider did not exist.
 */
@Singleton
public class CachedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final TokenCache cache;

    public CachedTokenProvider(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        // Bearer tokens only: the code flow's ID token (a page session) is an IdTokenCredential and left to OIDC.
        if (!cache.enabled() || !(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (http == null || http.get(TokenCache.STEP_UP_POLICY) != null) {
            return Uni.createFrom().nullItem();
        }
        String key = TokenCache.key(token.getToken());
        SecurityIdentity known = cache.find(key, http, context);
        if (known == null) {
            request.setAttribute(TokenCache.MISSED_KEY, key);
        }
        return Uni.createFrom().item(known);
    }
}
