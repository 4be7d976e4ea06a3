package io.tutoring.support;

import java.util.UUID;

/**
 * A test user: a fresh subject per test so tests never see each other's data. {@code id} is the service's user id,
 * known once the person has made a request (see {@link Api#signIn}).
 */
public record Person(String subject, String name, String email, String phone, String[] roles, UUID id) {

    public static Person of(String name, String... roles) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new Person("sub-" + unique, name + " " + unique, name.toLowerCase().replace(' ', '.') + "." + unique
                + "@example.org", null, roles, null);
    }

    public Person withId(UUID id) {
        return new Person(subject, name, email, phone, roles, id);
    }

    public Person withPhone(String phone) {
        return new Person(subject, name, email, phone, roles, id);
    }

    public String token() {
        return Tokens.of(this);
    }
}
