package io.tutoring.users;

import java.util.Set;
import java.util.UUID;

/** The signed-in user making a request: the user row's id and the roles of the token. */
public record Caller(UUID id, Set<Role> roles) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
