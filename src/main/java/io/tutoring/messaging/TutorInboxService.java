package io.tutoring.messaging;

import io.tutoring.common.Time;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A tutor's own state of their threads: pinned to the top of the inbox, or snoozed out of it until a time. Only the
 * thread's tutor changes it and only the tutor's list shows it. A snooze also ends when the parent writes again
 * (see the send path) or when its time passes; nothing has to run for that, the list compares with the clock.
 */
@ApplicationScoped
public class TutorInboxService {

    /** The tutor's state of one thread after a change; {@code snoozedUntil} is null unless it is snoozed now. */
    public record TutorThreadState(UUID threadId, boolean pinned, Instant snoozedUntil) {
    }

    private final ThreadQueries queries;
    private final ThreadAccess access;
    private final Clock clock;

    public TutorInboxService(ThreadQueries queries, ThreadAccess access, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public TutorThreadState pin(Caller caller, UUID threadId, boolean pinned) {
        access.checkTutor(caller, threadId);
        return state(threadId, queries.setPinned(threadId, pinned));
    }

    /** Snoozes until a time in the future and at most a year ahead; snoozing again moves the time. */
    @Transactional
    public TutorThreadState snooze(Caller caller, UUID threadId, Instant until) {
        access.checkTutor(caller, threadId);
        Instant now = Time.now(clock);
        Instant wake = until.truncatedTo(ChronoUnit.MICROS);
        if (!wake.isAfter(now)) {
            throw new InvalidInput("until must be in the future; it is " + until + " and now is " + now);
        }
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        if (wake.isAfter(latest)) {
            throw new InvalidInput("until must be at most a year ahead, by " + latest);
        }
        return state(threadId, queries.snooze(threadId, wake));
    }

    /** Ends a snooze now; a thread that is not snoozed stays as it is. */
    @Transactional
    public TutorThreadState wake(Caller caller, UUID threadId) {
        access.checkTutor(caller, threadId);
        return state(threadId, queries.wake(threadId));
    }

    private TutorThreadState state(UUID threadId, ThreadQueries.TutorState stored) {
        Instant snoozedUntil = stored.snoozedUntil();
        boolean snoozed = snoozedUntil != null && snoozedUntil.isAfter(Time.now(clock));
        return new TutorThreadState(threadId, stored.pinned(), snoozed ? snoozedUntil : null);
    }
}
