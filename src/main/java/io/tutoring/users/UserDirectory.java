package io.tutoring.users;

import io.quarkus.cache.CacheResult;
import io.tutoring.common.failures.NotFound;
import io.tutoring.common.failures.WrongKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the user table in step with the identity provider. A request's claims are upserted once and then cached
 * under all of their values, so a user whose name, email, phone or roles change is updated on their next request,
 * and an unchanged user costs no statement at all.
 */
@ApplicationScoped
public class UserDirectory {

    private final UserQueries queries;

    public UserDirectory(UserQueries queries) {
        this.queries = queries;
    }

    /** The user id for a token's claims; creates or updates the row when the claims are new to this instance. */
    @CacheResult(cacheName = "users-by-claims")
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID sync(Claims claims) {
        return upsert(claims.subject(), claims.email(), claims.name(), claims.phone(), claims.roles());
    }

    /** The claims of a token that the user row mirrors; {@code roles} is a PostgreSQL array literal. */
    public record Claims(String subject, String email, String name, String phone, String roles) {
    }

    /** Registers or updates a user ahead of their first sign-in (an admin or the back office). */
    @Transactional
    public UUID register(String subject, String email, String name, String phone, String roles) {
        return upsert(subject, email, name, phone, roles);
    }

    public Optional<User> find(UUID id) {
        return User.findByIdOptional(id);
    }

    /** The user, or {@link NotFound} naming what was looked for. */
    public User require(UUID id, String what) {
        return find(id).orElseThrow(() -> new NotFound("No " + what + " with id " + id));
    }

    /** The user, who must hold {@code role}: {@link NotFound} if unknown, {@link WrongKind} if they lack the role. */
    public User requireWithRole(UUID id, Role role) {
        User user = require(id, role.name().toLowerCase(java.util.Locale.ROOT));
        if (!user.hasRole(role)) {
            throw new WrongKind("User " + id + " does not hold the role " + role);
        }
        return user;
    }

    private UUID upsert(String subject, String email, String name, String phone, String roles) {
        return queries.upsert(clean(subject), clean(email), clean(name), clean(phone), roles);
    }

    /** PostgreSQL text cannot hold NUL; a claim or admin field carrying one is stored without it. */
    private static String clean(String value) {
        return value == null ? null : value.replace("\u0000", "");
    }

    /** Roles as a PostgreSQL array literal, sorted so that the same set always gives the same cache key. */
    public static String rolesLiteral(java.util.Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
