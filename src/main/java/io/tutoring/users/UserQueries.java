package io.tutoring.users;

import io.tutoring.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The statements of users that are not "load the entity by id": the racing upsert of a user from their claims. */
@ApplicationScoped
public class UserQueries {

    /** Creates the user of a subject or brings their row up to date; two first requests may race. */
    private static final String UPSERT = """
            insert into app_user (id, subject, email, name, phone, roles, created_at, updated_at)
            values (:id, :subject, :email, :name, :phone, cast(:roles as text[]), now(), now())
            on conflict (subject) do update
               set email = coalesce(excluded.email, app_user.email),
                   name = coalesce(excluded.name, app_user.name),
                   phone = coalesce(excluded.phone, app_user.phone),
                   roles = excluded.roles, updated_at = now()
            returning id""";

    private final Sql sql;

    public UserQueries(Sql sql) {
        this.sql = sql;
    }

    /** The user's id; {@code roles} is a PostgreSQL array literal. */
    UUID upsert(String subject, String email, String name, String phone, String roles) {
        return sql.query(UPSERT)
                .bind("id", UUID.randomUUID())
                .bind("subject", subject)
                .bind("email", email)
                .bind("name", name)
                .bind("phone", phone)
                .bind("roles", roles)
                .one(rs -> Sql.uuid(rs, "id"));
    }
}
