package io.tutoring.live;

import io.tutoring.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The statements of live updates: writing events with their notification, reading them back, pruning. */
@ApplicationScoped
public class LiveQueries {

    /** The NOTIFY channel: one per schema, so that instances of other schemas in the same database hear nothing. */
    static final String CHANNEL_OF_SCHEMA = "select 'live_events_' || current_schema() as channel";

    /**
     * Serializes the event writers of each recipient until they commit, so that each user's events get their ids in
     * commit order: a stream (or a Last-Event-ID) that has seen a user's event n has seen every committed event of
     * that user below n. One advisory lock per recipient, taken in key order (two writers sharing two recipients never
     * wait for each other in a cycle), by the last observer of a fact (LiveEventWriter) and held until commit. Writers
     * with no recipient in common do not wait for each other; a hash collision only makes two users share a lock.
     * Before it serialized every writer of the schema on one lock, from the events to the end of the commit: sends
     * stopped scaling with connections (BENCHMARKS.md, issue 16).
     */
    private static final String LOCK = """
            select count(*) as locked from (
                select pg_advisory_xact_lock(k.space, k.key) as got
                  from (select distinct hashtext('live_event:' || current_schema()) as space, hashtext(u::text) as key
                          from unnest(:users::uuid[]) as u
                         order by 1, 2) as k) as l""";

    /**
     * Inserts the events and notifies the new ids (comma-separated, a few per fact, far below 8,000 bytes). An
     * {@code unread} event gets its count here: the other side's unread messages of the thread, counted on the
     * partial index of unread rows, in this statement's snapshot, taken after the lock, so it includes every
     * message whose events were written before.
     */
    private static final String INSERT = """
            with unread as (
                select count(*) as n from message
                 where thread_id = :countThread::uuid and sender_role = :countFrom::text and read_at is null),
            ins as (
                insert into live_event (user_id, side, type, thread_id, data)
                select e.user_id, e.side, e.type, e.thread_id,
                       case when e.type = 'unread'
                            then jsonb_build_object('threadId', e.thread_id, 'unreadCount', u.n)::text
                            else e.data end
                  from unnest(:users::uuid[], :sides::text[], :types::text[], :threads::uuid[], :data::text[])
                       as e (user_id, side, type, thread_id, data)
                 cross join unread u
                returning id),
            ids as (select string_agg(id::text, ',' order by id) as ids from ins)
            select ids, pg_notify('live_events_' || current_schema(), ids) as notified from ids""";

    /**
     * Events as a stream sees them: a thread event addressed to a parent is visible only while that parent is linked
     * to the thread's student (the parent side of the rule in messaging's ThreadAccess; the tutor keeps reading
     * their threads, and a link event always reaches both of its sides).
     */
    private static final String EVENTS = """
            select e.id, e.user_id, e.side, e.type, e.data,
                   (e.side <> 'PARENT' or e.thread_id is null or exists (
                       select 1 from thread t join parent_student_link l
                         on l.parent_id = t.parent_id and l.student_id = t.student_id
                        where t.id = e.thread_id and t.parent_id = e.user_id)) as visible
              from live_event e
            """;

    /** The events a notification names, on the listener's own connection (plain JDBC, positional parameters). */
    private static final String BY_IDS = EVENTS + " where e.id = any(?) order by e.id";

    /** The listener's catch-up after a reconnect: the events of the users with open streams, on its connection. */
    private static final String OF_USERS_SINCE = EVENTS + " where e.user_id = any(?) and e.id > ? order by e.id limit ?";

    private static final String OF_USER_SINCE = EVENTS
            + " where e.user_id = :user and e.id > :after order by e.id limit :limit";

    /** Where a new stream without Last-Event-ID starts: after the user's newest event (ids grow per user). */
    private static final String LAST_OF_USER = """
            select coalesce(max(id), 0) as last from live_event where user_id = :user""";

    /** One pruning run at a time across instances: the others skip. */
    private static final String TRY_PRUNE_LOCK = """
            select pg_try_advisory_xact_lock(hashtext('live_event_prune:' || current_schema())) as got""";

    private static final String PRUNE = "delete from live_event where created_at < :cutoff";

    /** An event to write: its recipient, their side, the event name, the thread (thread events) and the JSON data. */
    record NewEvent(UUID userId, LiveEvent.Side side, String type, UUID threadId, String data) {
    }

    private final Sql sql;

    public LiveQueries(Sql sql) {
        this.sql = sql;
    }

    /**
     * Writes the events and notifies their ids, in the caller's transaction; returns the ids notified. Two
     * statements: the lock, then the insert (whose snapshot must be taken after the lock). {@code unreadOf} and
     * {@code unreadFrom}: the thread and the sender side whose unread messages an {@code unread} event counts.
     */
    String insertAndNotify(List<NewEvent> events, UUID unreadOf, String unreadFrom) {
        sql.query(LOCK).bind("users", Sql.array("uuid", events.stream().map(NewEvent::userId).toList()))
                .one(rs -> rs.getInt("locked"));
        List<UUID> users = new ArrayList<>();
        List<String> sides = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<UUID> threads = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (NewEvent e : events) {
            users.add(e.userId());
            sides.add(e.side().name());
            types.add(e.type());
            threads.add(e.threadId());
            data.add(e.data());
        }
        return sql.query(INSERT).bind("users", Sql.array("uuid", users)).bind("sides", Sql.array("text", sides))
                .bind("types", Sql.array("text", types)).bind("threads", Sql.array("uuid", threads))
                .bind("data", Sql.array("text", data)).bind("countThread", unreadOf).bind("countFrom", unreadFrom)
                .one(rs -> rs.getString("ids"));
    }

    /**
     * The events with these ids (a notification's), in id order, visible or not. It runs on the listener's own
     * connection, not through {@link Sql} and the pool: the one place where this service keeps a connection of its
     * own, so the fan-out never waits for (or takes) a pooled connection.
     */
    static List<LiveEvent> byIds(Connection c, Long[] ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BY_IDS)) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            return events(ps);
        }
    }

    /** The events of {@code users} after {@code after}, in id order, on the listener's connection. */
    static List<LiveEvent> ofUsersSince(Connection c, UUID[] users, long after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OF_USERS_SINCE)) {
            ps.setArray(1, c.createArrayOf("uuid", users));
            ps.setLong(2, after);
            ps.setInt(3, limit);
            return events(ps);
        }
    }

    private static List<LiveEvent> events(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<LiveEvent> events = new ArrayList<>();
            while (rs.next()) {
                events.add(event(rs));
            }
            return events;
        }
    }

    /** The user's events after {@code after}, in id order (a client's Last-Event-ID), visible or not. */
    List<LiveEvent> ofUserSince(UUID userId, long after, int limit) {
        return sql.query(OF_USER_SINCE).bind("user", userId).bind("after", after).bind("limit", limit)
                .list(LiveQueries::event);
    }

    /** The id of the user's newest event, 0 if none. */
    long lastOfUser(UUID userId) {
        return sql.query(LAST_OF_USER).bind("user", userId).one(rs -> rs.getLong("last"));
    }

    /** Deletes events older than {@code cutoff} unless another instance is doing it; -1 when it was. */
    int prune(Instant cutoff) {
        if (!sql.query(TRY_PRUNE_LOCK).one(rs -> rs.getBoolean("got"))) {
            return -1;
        }
        return sql.query(PRUNE).bind("cutoff", cutoff).update();
    }

    private static LiveEvent event(ResultSet rs) throws SQLException {
        return new LiveEvent(rs.getLong("id"), Sql.uuid(rs, "user_id"), LiveEvent.Side.valueOf(rs.getString("side")),
                rs.getString("type"), rs.getString("data"), rs.getBoolean("visible"));
    }
}
