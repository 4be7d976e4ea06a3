package io.tutoring.live;

import java.util.UUID;

/**
 * One event for one recipient, as stored in {@code live_event}: its id (the SSE event id), who receives it and in
 * which capacity, its SSE event name and its JSON data (ids, a time, a count; never message text).
 * {@code visible} is false when the recipient may no longer read the event's thread (a parent whose link to the
 * student was removed): such an event is never sent, but still moves a reader past its id.
 */
public record LiveEvent(long id, UUID userId, Side side, String type, String data, boolean visible) {

    /** The capacity in which a user receives an event; their token must hold the role of the same name. */
    public enum Side { PARENT, TUTOR, STUDENT }

    public static final String MESSAGE = "message";
    public static final String READ = "read";
    public static final String UNREAD = "unread";
    public static final String LINK = "link";
}
