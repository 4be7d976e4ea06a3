package io.tutoring.live;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open event streams of this instance, by user, and the in-process fan-out to them. A stream holds no thread:
 * events are pushed into its Mutiny emitter by the listener's thread (or the keep-alive timer), and Quarkus REST
 * writes them to the connection on its event loop. One timer sends every stream a keep-alive comment.
 */
@ApplicationScoped
public class LiveStreams {

    private final Map<UUID, Set<Stream>> byUser = new ConcurrentHashMap<>();
    private final LiveQueries queries;
    private final LiveConfig config;
    private final ScheduledExecutorService timer;
    private volatile boolean closing;

    public LiveStreams(LiveQueries queries, LiveConfig config) {
        this.queries = queries;
        this.config = config;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-keep-alive");
            t.setDaemon(true);
            return t;
        });
        long every = config.keepAlive().toMillis();
        timer.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The caller's stream: first what they missed after {@code lastEventId} (when given), then their events as they
     * happen. The stream is registered before the replay is read, so nothing committed in between is lost; an event
     * that comes both ways is sent once (a user's ids only grow). Without a Last-Event-ID the stream starts after the
     * user's newest event, read before it is registered: that is where the listener resumes it after a reconnect.
     */
    public Multi<OutboundSseEvent> open(Caller caller, Long lastEventId, Sse sse) {
        Stream stream = new Stream(caller, sse);
        stream.startAfter(lastEventId != null ? lastEventId : queries.lastOfUser(caller.id()));
        byUser.computeIfAbsent(caller.id(), id -> ConcurrentHashMap.newKeySet()).add(stream);
        List<LiveEvent> missed;
        try {
            missed = lastEventId == null ? List.of()
                    : queries.ofUserSince(caller.id(), lastEventId, config.replayLimit());
        } catch (RuntimeException e) {
            remove(stream);
            throw e;
        }
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            emitter.onTermination(() -> remove(stream));
            stream.attach(emitter, missed);
            if (closing) {
                stream.complete();
            }
        }, BackPressureStrategy.BUFFER);
    }

    /** Sends each event to the open streams of its recipient that may see it. */
    void deliver(List<LiveEvent> events) {
        for (LiveEvent event : events) {
            if (!event.visible()) {
                continue;
            }
            Set<Stream> streams = byUser.get(event.userId());
            if (streams != null) {
                for (Stream stream : streams) {
                    stream.offer(event);
                }
            }
        }
    }

    /** Where the listener resumes after a reconnect: the users with open streams, after the oldest id they have. */
    record Resume(UUID[] users, long after) {
    }

    Resume resume() {
        List<UUID> users = new ArrayList<>();
        long after = Long.MAX_VALUE;
        for (Map.Entry<UUID, Set<Stream>> entry : byUser.entrySet()) {
            for (Stream stream : entry.getValue()) {
                after = Math.min(after, stream.lastId());
            }
            users.add(entry.getKey());
        }
        return new Resume(users.toArray(UUID[]::new), users.isEmpty() ? 0 : after);
    }

    /** How many streams are open on this instance. */
    public int count() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private void keepAlive() {
        for (Set<Stream> streams : byUser.values()) {
            for (Stream stream : streams) {
                stream.comment("keep-alive");
            }
        }
    }

    private void remove(Stream stream) {
        byUser.computeIfPresent(stream.caller.id(), (id, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * On SIGTERM the instance leaves the load balancer; its streams end now (browsers reconnect, with their
     * Last-Event-ID, to another instance) so that they do not hold the graceful shutdown for its whole timeout.
     */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        closeAll();
    }

    void onStop(@Observes ShutdownEvent event) {
        closeAll();
        timer.shutdownNow();
    }

    private void closeAll() {
        closing = true;
        for (Set<Stream> streams : byUser.values()) {
            for (Stream stream : streams) {
                stream.complete();
            }
        }
    }

    /** One open stream: the caller, and their emitter once Quarkus REST has subscribed. */
    static final class Stream {
        private static final long RETRY_MILLIS = 2000;
        /** Events that arrive before the subscription; a handful at most (the replay is read meanwhile). */
        private static final int MAX_PENDING = 1000;

        final Caller caller;
        private final Sse sse;
        private MultiEmitter<? super OutboundSseEvent> emitter;
        private List<LiveEvent> pending = new ArrayList<>();
        private long lastId;

        Stream(Caller caller, Sse sse) {
            this.caller = caller;
            this.sse = sse;
        }

        synchronized void attach(MultiEmitter<? super OutboundSseEvent> emitter, List<LiveEvent> missed) {
            this.emitter = emitter;
            // First write: the response starts now (a client knows it is connected), with the reconnect delay.
            emitter.emit(sse.newEventBuilder().comment("connected").reconnectDelay(RETRY_MILLIS).build());
            for (LiveEvent event : missed) {
                send(event);
            }
            for (LiveEvent event : pending) {
                send(event);
            }
            pending = null;
        }

        /** Events up to {@code id} are the user's past: this stream never sends them (the replay starts after it). */
        synchronized void startAfter(long id) {
            lastId = Math.max(lastId, id);
        }

        synchronized long lastId() {
            return lastId;
        }

        synchronized void offer(LiveEvent event) {
            if (emitter != null) {
                send(event);
            } else if (pending != null && pending.size() < MAX_PENDING) {
                pending.add(event);
            }
        }

        synchronized void comment(String text) {
            if (emitter != null && !emitter.isCancelled()) {
                emitter.emit(sse.newEventBuilder().comment(text).build());
            }
        }

        synchronized void complete() {
            if (emitter != null) {
                emitter.complete();
            }
        }

        /** Sends a visible event the caller's roles allow, once, in id order. */
        private void send(LiveEvent event) {
            if (event.id() <= lastId || !event.visible() || !caller.has(roleOf(event.side()))
                    || emitter.isCancelled()) {
                return;
            }
            lastId = event.id();
            emitter.emit(sse.newEventBuilder().id(Long.toString(event.id())).name(event.type())
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, event.data()).build());
        }

        private static Role roleOf(LiveEvent.Side side) {
            return switch (side) {
                case PARENT -> Role.PARENT;
                case TUTOR -> Role.TUTOR;
                case STUDENT -> Role.STUDENT;
            };
        }
    }
}
