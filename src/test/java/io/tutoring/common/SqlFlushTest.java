package io.tutoring.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.users.User;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In a transaction, a statement through {@link Sql} sees what a Panache entity wrote before it: Sql flushes
 * Hibernate's pending changes first (without that flush Hibernate would hold the insert and the update until the
 * commit, and both reads below would miss them). A transaction that never used Hibernate does not open a session
 * for it.
 */
@QuarkusTest
class SqlFlushTest {

    @Inject
    Sql sql;

    @Inject
    SessionFactory sessions;

    @Test
    void aStatementSeesAnEntityPersistedAndChangedEarlierInTheTransaction() {
        QuarkusTransaction.begin();
        try {
            User user = new User();
            user.id = UUID.randomUUID();
            user.subject = "sql-flush-" + user.id;
            user.name = "Persisted";
            user.roles = new String[]{"PARENT"};
            user.createdAt = Instant.now();
            user.updatedAt = user.createdAt;
            user.persist();
            assertEquals(Optional.of("Persisted"), nameOf(user.id), "the insert is flushed before the read");

            user.name = "Changed";
            assertEquals(Optional.of("Changed"), nameOf(user.id), "the update is flushed before the read");
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void aTransactionThatNeverUsedHibernateOpensNoSessionForAStatement() {
        long opened = sessions.getStatistics().getSessionOpenCount();
        int one = QuarkusTransaction.requiringNew()
                .call(() -> sql.query("select 1 as one").one(rs -> rs.getInt("one")));
        assertEquals(1, one);
        assertEquals(opened, sessions.getStatistics().getSessionOpenCount());
    }

    private Optional<String> nameOf(UUID id) {
        return sql.query("select name from app_user where id = :id").bind("id", id).first(rs -> rs.getString("name"));
    }
}
