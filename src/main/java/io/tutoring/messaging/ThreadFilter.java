package io.tutoring.messaging;

import java.util.UUID;

/**
 * Narrows a thread list. {@code studentId} and {@code unreadOnly} apply to parents and tutors; {@code pinned} and
 * {@code snoozed} are the tutor's own state and only exist in the tutor's list.
 *
 * @param studentId  only threads about this student (null: all students)
 * @param unreadOnly only threads with messages from the other side that the caller has not opened
 * @param pinned     only pinned ({@code true}) or only unpinned ({@code false}) threads; null: both
 * @param snoozed    the snoozed threads instead of the inbox (which leaves them out)
 */
public record ThreadFilter(UUID studentId, boolean unreadOnly, Boolean pinned, boolean snoozed) {

    public static final ThreadFilter NONE = new ThreadFilter(null, false, null, false);

    /** Whether this filter uses the tutor's own state, which a parent's list must not even be asked about. */
    public boolean usesTutorState() {
        return pinned != null || snoozed;
    }
}
