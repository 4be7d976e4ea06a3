package io.tutoring.users;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Set;

/** The caller of the current request, resolved from the bearer token once per request. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final UserDirectory directory;
    private Caller caller;

    public CurrentUser(SecurityIdentity identity, UserDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    public Caller get() {
        if (caller == null) {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                throw new UnauthorizedException();
            }
            Set<Role> roles = rolesOf(identity);
            String subject = jwt.getSubject();
            if (subject == null || subject.isBlank()) {
                throw new UnauthorizedException();
            }
            var id = directory.sync(new UserDirectory.Claims(subject, claim(jwt, "email"), claim(jwt, "name"),
                    claim(jwt, "phone_number"), UserDirectory.rolesLiteral(roles)));
            caller = new Caller(id, Set.copyOf(roles));
        }
        return caller;
    }

    /** The roles of this service that the identity holds (from the configured roles claim). */
    public static Set<Role> rolesOf(SecurityIdentity identity) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.name())) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** A string claim of the token, or null. */
    public static String claim(JsonWebToken jwt, String name) {
        // Read from the parsed claims where the OIDC extension keeps them: JsonWebToken.getClaim throws and catches an
        // exception for every claim the MicroProfile Claims enum does not list ("name"), a stack trace per request.
        Object value = jwt instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(name)
                : jwt.getClaim(name);
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }
}
