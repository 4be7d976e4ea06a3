package io.tutoring.users;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.runtime.Startup;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Permission;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer access tokens that Quarkus OIDC verified, and the identity it built for each, so that the next request with
 * the same token skips the RS256 check (signature, base64, JSON: 8–15% of an API request's CPU).
 * <p>
 * <b>How.</b> {@link CachedTokenProvider} is an identity provider tried before OIDC's: for a bearer token
 * ({@code AccessTokenCredential}; never the code flow's ID token and session) it answers the remembered identity, or
 * nothing, and then Quarkus asks OIDC, which verifies as before. {@link TokenCacheFiller}, the first augmentor, keeps
 * what OIDC built. A remembered identity is OIDC's own (principal with all claims, roles, credentials, permissions,
 * attributes) with this request's {@code RoutingContext} and blocking-call context put back, and the augmentors run
 * on it as on a fresh one, so later code ({@link CurrentUser}, role checks) cannot tell them apart.
 * <p>
 * <b>Why it is safe.</b>
 * <ul>
 * <li>It only skips re-verifying the very bytes verified before: the key is the SHA-256 of the whole token string,
 * so a token with one byte changed (signature, claims, roles, audience, issuer) is another key and goes through OIDC.
 * Failed verifications are never remembered.</li>
 * <li>Expiry is still enforced: an entry dies at the token's {@code exp} (without OIDC's lifespan grace), and at
 * {@code quarkus.oidc.token.age} after {@code iat} when that is set; after that OIDC refuses the token as before.</li>
 * <li>An entry lives at most {@code tokens.cache.max-age} (60 s) whatever its {@code exp}: a token signed with a
 * key the issuer withdrew from its JWKS keeps working at most that long after OIDC itself stops accepting it.</li>
 * <li>Key rotation: whenever OIDC fetches the issuer's key set (at start, and when a token names a key it does not
 * know, at most every {@code quarkus.oidc.token.forced-jwk-refresh-interval}), {@link JwksFetched} empties the cache,
 * so nothing verified with the old set is answered from memory after OIDC has the new one (except a token verified
 * with the old set in the moment of the swap, which the max-age bounds). With the default
 * {@code quarkus.oidc.jwks.resolve-early=true} OIDC does not look at the key set on its own otherwise, so a key
 * that is withdrawn without a new one appearing is not noticed by OIDC either: there the max-age is the bound.</li>
 * <li>What OIDC checks on the request rather than on the token is not skipped: the cache stays off when tokens are
 * bound to a client certificate or use DPoP, and is bypassed for step-up authentication
 * ({@code @AuthenticationContext}); an entry is only answered for the tenant that verified it.</li>
 * </ul>
 * Bounded: at most {@code tokens.cache.max-size} entries; dead entries are swept at most once per max-age, and a
 * cache full of live entries is emptied (every token then costs one verification again). Micrometer:
 * {@code tokens.cache.hits}, {@code tokens.cache.misses}, {@code tokens.cache.size}, {@code tokens.cache.flushes}.
 */
@Startup
@Singleton
public class TokenCache {

    /**
     * Request attribute the provider sets on a bearer token it did not have: its key, for the filler to remember the
     * identity under once OIDC verified the token.
     */
    static final String MISSED_KEY = TokenCache.class.getName() + ".missed";
    /** Where OIDC (StepUpAuthenticationPolicy) puts the {@code @AuthenticationContext} rule of a request. */
    static final String STEP_UP_POLICY = "io.quarkus.oidc.runtime.step-up-auth";

    private static final Logger LOG = Logger.getLogger(TokenCache.class);
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final Duration maxAge;
    private final int maxSize;
    private final Optional<Duration> tokenAge;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;
    private final Counter flushedForKeys;
    private final Counter flushedWhenFull;
    private volatile Instant nextSweep = Instant.MIN;

    public TokenCache(TokenCacheConfig config, Clock clock, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.oidc.token.binding.certificate", defaultValue = "false") boolean certBound,
            @ConfigProperty(name = "quarkus.oidc.token.authorization-scheme", defaultValue = "Bearer") String scheme,
            @ConfigProperty(name = "quarkus.oidc.token.age") Optional<Duration> tokenAge) {
        boolean proofOfPossession = certBound || "DPoP".equalsIgnoreCase(scheme);
        if (config.enabled() && proofOfPossession) {
            LOG.warn("The cache of verified tokens is off: tokens are bound to a client certificate or DPoP proof,"
                    + " which OIDC checks on every request");
        }
        this.enabled = config.enabled() && !config.maxAge().isZero() && !config.maxAge().isNegative()
                && config.maxSize() > 0 && !proofOfPossession;
        this.maxAge = config.maxAge();
        this.maxSize = config.maxSize();
        this.tokenAge = tokenAge;
        this.clock = clock;
        hits = Counter.builder("tokens.cache.hits")
                .description("Bearer tokens answered from the cache of verified tokens").register(registry);
        misses = Counter.builder("tokens.cache.misses")
                .description("Bearer tokens not in the cache, verified by OIDC").register(registry);
        flushedForKeys = Counter.builder("tokens.cache.flushes").tag("reason", "keys")
                .description("Times the cache was emptied").register(registry);
        flushedWhenFull = Counter.builder("tokens.cache.flushes").tag("reason", "full")
                .description("Times the cache was emptied").register(registry);
        Gauge.builder("tokens.cache.size", entries, Map::size).description("Verified tokens in the cache")
                .register(registry);
    }

    boolean enabled() {
        return enabled;
    }

    /** The key of a token: the SHA-256 of the exact string. */
    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The identity verified before for this key, rebuilt for this request, or null (counted as a miss) when there is
     * none living for this tenant.
     */
    SecurityIdentity find(String key, RoutingContext request, AuthenticationRequestContext context) {
        Entry entry = entries.get(key);
        if (entry != null && !entry.expires().isAfter(clock.instant())) {
            entries.remove(key, entry);
            entry = null;
        }
        if (entry == null || !Objects.equals(entry.attributes().get(OidcUtils.TENANT_ID_ATTRIBUTE),
                request.get(OidcUtils.TENANT_ID_ATTRIBUTE))) {
            misses.increment();
            return null;
        }
        hits.increment();
        return entry.identityFor(request, context);
    }

    /** Keeps the identity that OIDC built for the token of this key, until the token's exp and at most max-age. */
    void remember(String key, SecurityIdentity identity) {
        if (!(identity instanceof QuarkusSecurityIdentity) || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !(identity.getAttribute(OidcUtils.QUARKUS_IDENTITY_EXPIRE_TIME) instanceof Number exp)) {
            return;
        }
        Instant now = clock.instant();
        Instant expires = Instant.ofEpochSecond(exp.longValue());
        if (expires.isAfter(now.plus(maxAge))) {
            expires = now.plus(maxAge);
        }
        if (tokenAge.isPresent()) {
            Instant tooOld = Instant.ofEpochSecond(jwt.getIssuedAtTime()).plus(tokenAge.get());
            expires = expires.isAfter(tooOld) ? tooOld : expires;
        }
        if (!expires.isAfter(now)) {
            return;
        }
        makeRoom(now);
        entries.put(key, Entry.of(identity, expires));
    }

    /** Forgets every token (the issuer's keys were fetched again). */
    void flushForNewKeys() {
        entries.clear();
        flushedForKeys.increment();
    }

    private void makeRoom(Instant now) {
        boolean full = entries.size() >= maxSize;
        if (full || now.isAfter(nextSweep)) {
            nextSweep = now.plus(maxAge);
            entries.values().removeIf(e -> !e.expires().isAfter(now));
        }
        if (full && entries.size() >= maxSize - maxSize / 4) {
            // Still mostly living tokens: start again rather than sweep on every request from now on.
            entries.clear();
            flushedWhenFull.increment();
        }
    }

    /** What an identity carries from one request to the next: everything but the request's own attributes. */
    private record Entry(Principal principal, Set<String> roles, Set<Credential> credentials,
            Map<String, Object> attributes, Set<Permission> permissions, Instant expires) {

        static Entry of(SecurityIdentity identity, Instant expires) {
            Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
            attributes.remove(ROUTING_CONTEXT);
            attributes.remove(REQUEST_CONTEXT);
            return new Entry(identity.getPrincipal(), identity.getRoles(), identity.getCredentials(),
                    Collections.unmodifiableMap(attributes), identity.getPermissions(), expires);
        }

        /** The identity as OIDC builds it for a request (OidcUtils.validateAndCreateIdentity). */
        SecurityIdentity identityFor(RoutingContext request, AuthenticationRequestContext context) {
            return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(roles)
                    .addCredentials(credentials).addAttributes(attributes).addPermissions(permissions)
                    .addAttribute(ROUTING_CONTEXT, request).addAttribute(REQUEST_CONTEXT, context).build();
        }
    }
}
