package io.tutoring.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * This instance's one {@code LISTEN} connection: a plain JDBC connection of its own, outside the pool (a pooled
 * connection would be handed to others, and PgBouncer in transaction mode would drop the LISTEN), watched by one
 * platform thread that waits on {@code getNotifications}. Each notification means "events were committed": the
 * thread reads every event after the last one it delivered (one statement on the same connection, in id order,
 * which is commit order) and hands them to {@link LiveStreams}. The notifications carry ids only, so their content is never
 * needed beyond waking the thread.
 *
 * <p>When the connection breaks (a restart of PostgreSQL, a failover, {@code pg_terminate_backend}), the thread
 * reconnects with exponential backoff, listens again and then reads everything after its last id: events committed
 * while it was deaf are delivered late, not lost. A {@code select 1} every keep-alive interval finds a connection
 * that died silently (the socket timeout bounds the wait).
 */
@ApplicationScoped
public class LiveListener {

    private static final Logger LOG = Logger.getLogger(LiveListener.class);
    private static final int BATCH = 1000;

    private final LiveStreams streams;
    private final LiveConfig config;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    private volatile int backendPid;
    private volatile long connects;
    /** The id of the last event handed to the streams; -1 until the first connection has read where to start. */
    private volatile long lastId = -1;

    public LiveListener(LiveStreams streams, LiveConfig config,
                        @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.streams = streams;
        this.config = config;
        this.url = config.listenUrl().orElse(url);
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        Thread t = new Thread(this::run, "live-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        closeQuietly(connection);
    }

    /** The PostgreSQL backend pid of the LISTEN connection while it is up, else 0 (for tests and diagnostics). */
    public int backendPid() {
        return connection == null ? 0 : backendPid;
    }

    /** How many times the listener has connected (1 after a start without trouble). */
    public long connects() {
        return connects;
    }

    private void run() {
        long delay = config.reconnect().initialDelay().toMillis();
        while (running) {
            try (Connection c = connect()) {
                listen(c);
                delay = config.reconnect().initialDelay().toMillis();
                poll(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Live updates: the LISTEN connection failed (%s); reconnecting in %d ms", e.getMessage(),
                        delay);
            } finally {
                connection = null;
            }
            if (!running) {
                break;
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            delay = Math.min(delay * 2, config.reconnect().maxDelay().toMillis());
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        user.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "parent-messaging live-listener");
        props.setProperty("tcpKeepAlive", "true");
        long socketTimeout = Math.max(30, config.keepAlive().multipliedBy(2).toSeconds());
        props.setProperty("socketTimeout", Long.toString(socketTimeout));
        // PostgreSQL's driver itself, not DriverManager: the datasource's configured driver may be a wrapper (the
        // tests count statements through one), and this connection is not the pool's.
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    /** LISTEN, then catch up: on the first connection from the newest event, after a reconnect from the last one. */
    private void listen(Connection c) throws SQLException {
        String channel;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(LiveQueries.CHANNEL_OF_SCHEMA + ", pg_backend_pid() as pid")) {
            rs.next();
            channel = rs.getString("channel");
            backendPid = rs.getInt("pid");
        }
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
        }
        connection = c;
        connects++;
        if (lastId < 0) {
            lastId = LiveQueries.lastId(c);
        } else {
            catchUp(c);
        }
        LOG.debugf("Live updates: listening on %s (backend %d) after event %d", channel, backendPid, lastId);
    }

    private void poll(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        int timeout = (int) config.pollTimeout().toMillis();
        long checkEvery = config.keepAlive().toMillis();
        long lastCheck = System.currentTimeMillis();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(timeout);
            if (notifications != null && notifications.length > 0) {
                catchUp(c);
            }
            if (System.currentTimeMillis() - lastCheck >= checkEvery) {
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                lastCheck = System.currentTimeMillis();
            }
        }
    }

    /** Delivers every event after the last delivered one, in id order. */
    private void catchUp(Connection c) throws SQLException {
        List<LiveEvent> events;
        do {
            events = LiveQueries.since(c, lastId, BATCH);
            if (!events.isEmpty()) {
                streams.deliver(events);
                lastId = events.get(events.size() - 1).id();
            }
        } while (events.size() == BATCH);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a connection that is going away anyway
            }
        }
    }
}
