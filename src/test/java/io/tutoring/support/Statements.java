package io.tutoring.support;

import io.tutoring.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.SessionFactory;

/**
 * Counts the SQL statements the service runs while a request is served: those Hibernate prepares (its statistics
 * are on in the test profile) and those of the plain JDBC path ({@link Sql}). Every statement goes through one of
 * the two.
 */
@ApplicationScoped
public class Statements {

    private final SessionFactory sessions;
    private final Sql sql;

    public Statements(SessionFactory sessions, Sql sql) {
        this.sessions = sessions;
        this.sql = sql;
    }

    public long during(Runnable request) {
        long before = total();
        request.run();
        return total() - before;
    }

    private long total() {
        return sessions.getStatistics().getPrepareStatementCount() + sql.executed();
    }
}
