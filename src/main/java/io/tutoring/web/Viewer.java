package io.tutoring.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is looking at the page, for the layout and for page resources: signed in or not, the display name, the roles
 * and the role's home. Read from the token only (no database), so the layout costs no statement.
 * Templates reach it as {@code inject:viewer}.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final CurrentIdentityAssociation association;
    private final RoutingContext routing;
    private SecurityIdentity identity;

    public Viewer(CurrentIdentityAssociation association, RoutingContext routing) {
        this.association = association;
        this.routing = routing;
    }

    /** True on the page at {@code section} or below it, for {@code aria-current} in the menu. */
    public boolean at(String section) {
        String path = routing.normalizedPath();
        return path.equals(section) || path.startsWith(section + "/");
    }

    private SecurityIdentity identity() {
        if (identity == null) {
            identity = association.getIdentity();
        }
        return identity;
    }

    public boolean isSignedIn() {
        return !identity().isAnonymous();
    }

    public Set<Role> roles() {
        return isSignedIn() ? CurrentUser.rolesOf(identity()) : EnumSet.noneOf(Role.class);
    }

    public boolean has(String role) {
        return isSignedIn() && identity().hasRole(role);
    }

    /** The name to greet the person with: the token's {@code name}, else their username or email. */
    public String name() {
        if (!isSignedIn()) {
            return "";
        }
        if (identity().getPrincipal() instanceof JsonWebToken jwt) {
            for (String claim : new String[] {"name", "preferred_username", "email"}) {
                String value = CurrentUser.claim(jwt, claim);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
        }
        return identity().getPrincipal().getName();
    }

    /** Where this person starts: parents and tutors in their messages, students in their family, admins in admin. */
    public String home() {
        Set<Role> roles = roles();
        if (roles.contains(Role.PARENT) || roles.contains(Role.TUTOR)) {
            return "/messages";
        }
        if (roles.contains(Role.STUDENT)) {
            return "/family";
        }
        if (roles.contains(Role.ADMIN)) {
            return "/admin";
        }
        return "/no-role";
    }

    /** Remembers an identity resolved without blocking (error pages rendered on the event loop). */
    void resolved(SecurityIdentity identity) {
        this.identity = identity;
    }
}
