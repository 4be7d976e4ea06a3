package io.tutoring.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The test profile's JDBC driver (see {@code %test.quarkus.datasource.jdbc.driver}): PostgreSQL's driver, whose
 * connections count every statement prepared on them. Hibernate and {@code common/Sql} both prepare each statement
 * on a pooled connection before running it, so this counts every statement the service runs, by any path, and
 * production code carries no counter. Read it through {@link Statements}.
 */
public final class CountingDriver implements Driver {

    private static final LongAdder PREPARED = new LongAdder();
    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");
    /** The SQL of each statement prepared while {@link #recording} is set, in the order they were prepared. */
    private static final List<String> RECORDED = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    private final Driver postgres = new org.postgresql.Driver();

    /** Statements prepared on any connection of this driver since the start. */
    static long prepared() {
        return PREPARED.sum();
    }

    /** Runs {@code work} and returns the SQL of the statements prepared meanwhile (by any thread), in order. */
    static synchronized List<String> recording(Runnable work) {
        RECORDED.clear();
        recording = true;
        try {
            work.run();
        } finally {
            recording = false;
        }
        List<String> sql = List.copyOf(RECORDED);
        RECORDED.clear();
        return sql;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null ? null : (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new Counting(connection));
    }

    private record Counting(Connection target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (PREPARING.contains(method.getName())) {
                PREPARED.increment();
                if (recording && args != null && args.length > 0 && args[0] instanceof String sql) {
                    RECORDED.add(sql);
                }
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
