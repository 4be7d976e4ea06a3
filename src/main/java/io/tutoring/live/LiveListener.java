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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * This instance's one {@code LISTEN} connection: a plain JDBC connection of its own, outside the pool (a pooled
 * connection would be handed to others, and PgBouncer in transaction mode would drop the LISTEN), watched by one
 * platform thread that waits on {@code getNotifications}. Each notification is one committed fact and names its
 * events' ids (PostgreSQL delivers notifications in commit order): the thread reads those events (one statement on
 * the same connection) and hands them to {@link LiveStreams}. A user's events get their ids in commit order
 * (LiveQueries' per-recipient lock), so each stream receives its user's events in id order.
 *
 * <p>When the connection breaks (a restart of PostgreSQL, a failover, {@code pg_terminate_backend}), the thread
 * reconnects with exponential backoff, listens again and then reads, for the users with open streams, every event
 * after the oldest one those streams have seen: events committed while it was deaf are delivered late, not lost
 * (each stream skips what it already has). A {@code select 1} every keep-alive interval finds a connection that died
 * silently (the socket timeout bounds the wait).
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
        if (connects++ > 0) {
            catchUp(c);
        }
        LOG.debugf("Live updates: listening on %s (backend %d)", channel, backendPid);
    }

    private void poll(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        int timeout = (int) config.pollTimeout().toMillis();
        long checkEvery = config.keepAlive().toMillis();
        long lastCheck = System.currentTimeMillis();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(timeout);
            if (notifications != null && notifications.length > 0) {
                deliver(c, notifications);
            }
            if (System.currentTimeMillis() - lastCheck >= checkEvery) {
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                lastCheck = System.currentTimeMillis();
            }
        }
    }

    /** Delivers the events the notifications name (each names the ids of one committed fact), in id order. */
    private void deliver(Connection c, PGNotification[] notifications) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (PGNotification n : notifications) {
            for (String id : n.getParameter().split(",")) {
                if (!id.isBlank()) {
                    ids.add(Long.parseLong(id.strip()));
                }
            }
        }
        if (!ids.isEmpty()) {
            streams.deliver(LiveQueries.byIds(c, ids.toArray(Long[]::new)));
        }
    }

    /** After a reconnect: every event of the users with open streams after the oldest one those streams have seen. */
    private void catchUp(Connection c) throws SQLException {
        LiveStreams.Resume resume = streams.resume();
        if (resume.users().length == 0) {
            return;
        }
        long after = resume.after();
        List<LiveEvent> events;
        do {
            events = LiveQueries.ofUsersSince(c, resume.users(), after, BATCH);
            if (!events.isEmpty()) {
                streams.deliver(events);
                after = events.get(events.size() - 1).id();
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
