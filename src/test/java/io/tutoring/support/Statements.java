package io.tutoring.support;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Counts the SQL statements the service runs while a request is served: every statement prepared on a connection of
 * the test profile's JDBC driver ({@link CountingDriver}), whether Hibernate or {@code common/Sql} runs it.
 */
@ApplicationScoped
public class Statements {

    public long during(Runnable request) {
        long before = CountingDriver.prepared();
        request.run();
        return CountingDriver.prepared() - before;
    }

    /** The SQL of the statements prepared while {@code request} ran, in order (background jobs' included). */
    public List<String> sqlDuring(Runnable request) {
        return CountingDriver.recording(request);
    }
}
