package io.tutoring.live;

import io.tutoring.links.LinkChanged;
import io.tutoring.live.LiveEvent.Side;
import io.tutoring.live.LiveQueries.NewEvent;
import io.tutoring.messaging.MessageSent;
import io.tutoring.messaging.SenderRole;
import io.tutoring.messaging.ThreadRead;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Turns the facts of messaging and links into live events: rows of {@code live_event} and a {@code pg_notify} of
 * their ids, in the transaction of the fact, so an event exists exactly when its fact was committed. Who receives
 * what (SPEC "Live updates"):
 * <ul>
 * <li>a message: {@code message {threadId, messageId}} to the thread's parent and tutor (the sender's other tabs
 *     too), and {@code unread {threadId, unreadCount}} to the recipient;</li>
 * <li>a thread opened by its parent or tutor, stamping the other side's messages: {@code read {threadId, readAt}}
 *     to both, and {@code unread} (now 0, or what arrived since) to the reader;</li>
 * <li>a link made or removed: {@code link {studentId, parentId, active}} to the parent and to the student.</li>
 * </ul>
 * Admins are never addressed: their reads stamp nothing, and they are no party of a thread.
 */
@ApplicationScoped
public class LiveEventWriter {

    /** After the observers of the default priority (APPLICATION + 500): the event locks are held until commit. */
    private static final int LAST = Interceptor.Priority.LIBRARY_AFTER;

    private final LiveQueries queries;

    public LiveEventWriter(LiveQueries queries) {
        this.queries = queries;
    }

    /**
     * Inside the send transaction, after every other observer of the send (the outbox's notice among them): the
     * recipients' event locks it takes make other writers to the same people wait until this one commits, so they
     * are taken last.
     */
    @Transactional
    void onMessage(@Observes @Priority(LAST) MessageSent sent) {
        String message = json("threadId", sent.threadId(), "messageId", sent.messageId());
        Side recipientSide = sent.role() == SenderRole.PARENT ? Side.TUTOR : Side.PARENT;
        queries.insertAndNotify(List.of(
                new NewEvent(sent.parentId(), Side.PARENT, LiveEvent.MESSAGE, sent.threadId(), message),
                new NewEvent(sent.tutorId(), Side.TUTOR, LiveEvent.MESSAGE, sent.threadId(), message),
                new NewEvent(sent.recipientId(), recipientSide, LiveEvent.UNREAD, sent.threadId(), null)),
                sent.threadId(), sent.role().name());
    }

    /** Opening a thread runs without a transaction (see MessagingService#open): this is one of its own. */
    @Transactional
    void onRead(@Observes ThreadRead read) {
        String data = json("threadId", read.threadId(), "readAt", read.readAt());
        Side readerSide = read.reader() == SenderRole.TUTOR ? Side.TUTOR : Side.PARENT;
        UUID readerId = read.reader() == SenderRole.TUTOR ? read.tutorId() : read.parentId();
        queries.insertAndNotify(List.of(
                new NewEvent(read.parentId(), Side.PARENT, LiveEvent.READ, read.threadId(), data),
                new NewEvent(read.tutorId(), Side.TUTOR, LiveEvent.READ, read.threadId(), data),
                new NewEvent(readerId, readerSide, LiveEvent.UNREAD, read.threadId(), null)),
                read.threadId(), read.reader().other().name());
    }

    /** Inside the transaction that made or removed the link, after its other observers. */
    @Transactional
    void onLink(@Observes @Priority(LAST) LinkChanged changed) {
        String data = json("studentId", changed.studentId(), "parentId", changed.parentId(), "active",
                changed.active());
        queries.insertAndNotify(List.of(
                new NewEvent(changed.parentId(), Side.PARENT, LiveEvent.LINK, null, data),
                new NewEvent(changed.studentId(), Side.STUDENT, LiveEvent.LINK, null, data)), null, null);
    }

    /**
     * A flat JSON object of ids, times, counts and flags: none of them can hold a character that needs escaping
     * (ids and ISO times print only [0-9a-zA-Z:.-]), so no JSON library is needed for it.
     */
    static String json(Object... pairs) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(pairs[i]).append("\":");
            Object value = pairs[i + 1];
            if (value instanceof Number || value instanceof Boolean) {
                b.append(value);
            } else {
                b.append('"').append(value).append('"');
            }
        }
        return b.append('}').toString();
    }
}
