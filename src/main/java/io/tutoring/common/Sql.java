package io.tutoring.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain JDBC with named parameters: every query that feeds a view (lists, pages, counts) and every set-based or
 * racing write (upserts, conditional updates, {@code for update skip locked} claims). Each feature keeps its
 * statements in one {@code *Queries} class and reads columns by their names. Aggregates that a service loads by id,
 * changes and saves are Panache entities instead (see the README's architecture section).
 *
 * <p>Why not Hibernate's native queries: for each execution Hibernate also built a query plan, resolved a result
 * mapping from {@code ResultSetMetaData} and managed entities nobody changes, which cost the service more CPU than
 * PostgreSQL spent on the statements (see BENCHMARKS.md).
 *
 * <p>Inside a transaction the connection is the transaction's: Agroal hands out the connection enlisted in it, the
 * one Hibernate uses too, so both commit together. Before each statement in a transaction the changes Hibernate
 * still holds in memory (a persisted or changed entity) are flushed, so that a statement here sees what an entity
 * wrote earlier in the same transaction. Outside a transaction a statement runs on its own.
 */
@ApplicationScoped
public class Sql {

    /** Reads one row of a result set into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** An array parameter ({@code = any(:ids)}), e.g. {@code Sql.array("uuid", ids)}. */
    public record ArrayValue(String elementType, Object[] elements) {
    }

    public static ArrayValue array(String elementType, Collection<?> elements) {
        return new ArrayValue(elementType, elements.toArray());
    }

    /**
     * Where Quarkus keeps the Hibernate session of a JTA transaction (a resource of the transaction under this key,
     * see {@code TransactionScopedSession}); absent when the transaction has not used Hibernate. Looking it up,
     * instead of asking the injected session, never opens a session. {@code SqlFlushTest} fails if the key changes.
     */
    private static final String SESSION_OF_TRANSACTION = "TransactionScopedSession-<default>";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    /** Parsed statements by their text: every text is built from constants (no values), so the set stays small. */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    public Sql(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    public Statement query(String sql) {
        return new Statement(sql);
    }

    /**
     * A page of a list, newest first by (a time, an id): {@code select} is a query whose {@code where} clause is
     * open; this adds "after the cursor", the order and a limit of {@code limit + 1} rows (see {@link Page#of}).
     * Bind the query's own parameters on the result.
     */
    public Statement newestFirst(String select, String timeColumn, String idColumn, Cursor after, int limit) {
        return newestFirst(select, "", timeColumn, idColumn, after, limit);
    }

    /**
     * As {@link #newestFirst(String, String, String, Cursor, int)} for a page that is a subquery: {@code close} is
     * the text that follows its limit (closing the subquery and the statement around it).
     */
    public Statement newestFirst(String select, String close, String timeColumn, String idColumn, Cursor after,
                                 int limit) {
        String text = select
                + (after == null ? "" : "\n   and (" + timeColumn + ", " + idColumn + ") < (:cAt, :cId)")
                + "\n order by " + timeColumn + " desc, " + idColumn + " desc limit :limit" + close;
        Statement q = query(text).bind("limit", limit + 1);
        if (after != null) {
            q.bind("cAt", after.at()).bind("cId", after.id());
        }
        return q;
    }

    /** One statement and its parameters. */
    public final class Statement {
        private final String sql;
        private final Map<String, Object> params = new HashMap<>();

        private Statement(String sql) {
            this.sql = sql;
        }

        public Statement bind(String name, Object value) {
            params.put(name, value);
            return this;
        }

        public <T> List<T> list(Row<T> row) {
            return run(ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(row.read(rs));
                    }
                    return rows;
                }
            });
        }

        public <T> Optional<T> first(Row<T> row) {
            return run(ps -> {
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
                }
            });
        }

        /** The single row of a statement that always returns one (an upsert's {@code returning}, a count). */
        public <T> T one(Row<T> row) {
            return first(row).orElseThrow(() -> new IllegalStateException("no row from " + sql));
        }

        public int update() {
            return run(PreparedStatement::executeUpdate);
        }

        private <T> T run(Work<T> work) {
            Parsed statement = parsed.computeIfAbsent(sql, Parsed::of);
            for (String name : statement.names) {
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("no value bound for :" + name + " in " + sql);
                }
            }
            flushHibernate();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(statement.sql)) {
                for (int i = 0; i < statement.names.size(); i++) {
                    ps.setObject(i + 1, jdbcValue(c, params.get(statement.names.get(i))));
                }
                return work.run(ps);
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }
    }

    /**
     * In a transaction whose Hibernate session holds changes, writes them first (Hibernate's own auto-flush before
     * a native query did the same). A session that holds no entities flushes without a statement; a transaction
     * that never used Hibernate has no session and costs one map lookup.
     */
    private void flushHibernate() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        if (transactions.getResource(SESSION_OF_TRANSACTION) instanceof Session session && session.isOpen()
                && !session.getHibernateFlushMode().lessThan(FlushMode.AUTO)) {
            session.flush();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private static Object jdbcValue(Connection c, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof ArrayValue array) {
            return c.createArrayOf(array.elementType(), array.elements());
        }
        return value;
    }

    /** The SQL with {@code ?} for each {@code :name}, and the names in order; casts ({@code ::}) and quotes kept. */
    private record Parsed(String sql, List<String> names) {
        static Parsed of(String sql) {
            StringBuilder out = new StringBuilder(sql.length());
            List<String> names = new ArrayList<>();
            boolean quoted = false;
            for (int i = 0; i < sql.length(); i++) {
                char ch = sql.charAt(i);
                if (ch == '\'') {
                    quoted = !quoted;
                } else if (!quoted && ch == ':' && i + 1 < sql.length()) {
                    if (sql.charAt(i + 1) == ':') {
                        out.append("::");
                        i++;
                        continue;
                    }
                    int end = i + 1;
                    while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                        end++;
                    }
                    if (end > i + 1) {
                        names.add(sql.substring(i + 1, end));
                        out.append('?');
                        i = end - 1;
                        continue;
                    }
                }
                out.append(ch);
            }
            return new Parsed(out.toString(), names);
        }
    }

    /** The named timestamp column as an instant (PostgreSQL's timestamptz). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The named uuid column. */
    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A failed statement: a bug or an outage, never a client's mistake, so it is answered as a 500. */
    public static final class DataAccessException extends RuntimeException {
        DataAccessException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
