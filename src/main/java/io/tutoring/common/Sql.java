package io.tutoring.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain JDBC for the statements of the busiest requests (thread lists, opening a thread, sending), whose rows are
 * read straight into API records. Through Hibernate each execution also built a query plan, resolved a result
 * mapping from {@code ResultSetMetaData} and managed entities nobody changes, which cost the service more CPU than
 * PostgreSQL spent on the statements (see BENCHMARKS.md). Everything else stays with Hibernate.
 *
 * <p>Parameters are named ({@code :name}, as in the native queries elsewhere). Inside a {@code @Transactional}
 * method the connection is the transaction's: Agroal hands out the connection enlisted in it, the one Hibernate
 * uses too, so both see each other's writes and commit together. Outside a transaction a statement runs on its own.
 */
@ApplicationScoped
public class Sql {

    /** Reads one row of a result set into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    /** Parsed statements by their text: every text is built from constants (no values), so the set stays small. */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    public Sql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Statement query(String sql) {
        return new Statement(sql);
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
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(statement.sql)) {
                for (int i = 0; i < statement.names.size(); i++) {
                    ps.setObject(i + 1, jdbcValue(params.get(statement.names.get(i))));
                }
                return work.run(ps);
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private static Object jdbcValue(Object value) {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
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

    /** A timestamp column as an instant (PostgreSQL's timestamptz). */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A failed statement: a bug or an outage, never a client's mistake, so it is answered as a 500. */
    public static final class DataAccessException extends RuntimeException {
        DataAccessException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
