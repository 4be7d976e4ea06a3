package io.tutoring.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * When the database cannot be reached, the client gets 503 problem+json with {@code Retry-After} (issue 11 item 3),
 * not a 500: the request may succeed once the database is back. How long a request can wait for it is bounded in
 * application.properties ("Hardening": the pool's acquisition timeout, the driver's connect and socket timeouts).
 * Any other database failure is a bug or a broken invariant: logged, answered as a plain 500 without its text.
 * The readiness check of the datasource (Quarkus's, on {@code /q/health/ready}) is DOWN while this lasts.
 */
public class DatabaseFailures {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);

    private final HardeningConfig config;

    public DatabaseFailures(HardeningConfig config) {
        this.config = config;
    }

    /** Hibernate's wrapper of a failed JDBC call (including "Unable to acquire JDBC Connection"). */
    @ServerExceptionMapper
    public Response hibernate(JDBCException e) {
        return answer(e);
    }

    /** A failed statement of the {@code *Queries} classes. */
    @ServerExceptionMapper
    public Response queries(Sql.DataAccessException e) {
        return answer(e);
    }

    @ServerExceptionMapper
    public Response jdbc(SQLException e) {
        return answer(e);
    }

    private Response answer(Exception e) {
        if (!unreachable(e)) {
            LOG.error("Database failure while handling a request", e);
            return Problem.response(500, "Server error", "The server could not complete the request");
        }
        LOG.warnf("The database is unreachable: %s", e.getMessage());
        long seconds = Math.max(1, config.databaseRetryAfter().toSeconds());
        return Response.fromResponse(Problem.response(503, "Service unavailable",
                        "The database is unavailable; try again shortly"))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    /**
     * True when the failure is the database being out of reach rather than a statement's fault: SQLState class 08
     * (connection exception: refused, broken, lost), a connection that could not be had in time (Agroal's
     * acquisition timeout), or a socket that failed or timed out underneath.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.startsWith("08")) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
