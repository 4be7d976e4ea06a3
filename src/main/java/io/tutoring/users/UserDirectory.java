package io.tutoring.users;

import io.quarkus.cache.CacheResult;
import io.tutoring.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    private static final String UPSERT = """
            insert into app_user (id, subject, email, name, phone, roles, created_at, updated_at)
            values (:id, :subject, :email, :name, :phone, cast(:roles as text[]), now(), now())
            on conflict (subject) do update
               set email = coalesce(excluded.email, app_user.email),
                   name = coalesce(excluded.name, app_user.name),
                   phone = coalesce(excluded.phone, app_user.phone),
                   roles = excluded.roles, updated_at = now()
            returning id
            """;

    private final EntityManager em;

    public UserDirectory(EntityManager em) {
        this.em = em;
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
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** The user, or a 404 naming what was looked for. */
    public User require(UUID id, String what) {
        return find(id).orElseThrow(() -> ApiException.notFound("No " + what + " with id " + id));
    }

    /** The user, who must hold {@code role}: a 404 if unknown, a 422 if they lack the role. */
    public User requireWithRole(UUID id, Role role) {
        User user = require(id, role.name().toLowerCase(java.util.Locale.ROOT));
        if (!user.hasRole(role)) {
            throw ApiException.unprocessable("User " + id + " does not hold the role " + role);
        }
        return user;
    }

    private UUID upsert(String subject, String email, String name, String phone, String roles) {
        // No result class (a basic one defeats Hibernate's plan cache, see BENCHMARKS.md); the column is a UUID.
        return (UUID) em.createNativeQuery(UPSERT)
                .setParameter("id", UUID.randomUUID())
                .setParameter("subject", clean(subject))
                .setParameter("email", clean(email))
                .setParameter("name", clean(name))
                .setParameter("phone", clean(phone))
                .setParameter("roles", roles)
                .getSingleResult();
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
