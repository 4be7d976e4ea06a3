package io.tutoring.messaging;

import io.tutoring.common.Cursor;
import io.tutoring.common.MessagingConfig;
import io.tutoring.common.Page;
import io.tutoring.common.Time;
import io.tutoring.common.failures.Conflict;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.common.failures.NotAllowed;
import io.tutoring.common.failures.NotFound;
import io.tutoring.common.failures.WrongKind;
import io.tutoring.enrollments.Enrollments;
import io.tutoring.links.Links;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sending messages and reading threads, with the rules of who may do which. */
@ApplicationScoped
public class MessagingService {

    private final Links links;
    private final Enrollments enrollments;
    private final ThreadAccess access;
    private final ThreadQueries queries;
    private final AttachmentClaims attachments;
    private final MessagingConfig config;
    private final Clock clock;
    private final Event<MessageSent> sent;
    private final Event<ThreadRead> read;
    private final Event<MessageAcked> acked;

    public MessagingService(Links links, Enrollments enrollments, ThreadAccess access, ThreadQueries queries,
                            AttachmentClaims attachments, MessagingConfig config, Clock clock,
                            Event<MessageSent> sent, Event<ThreadRead> read, Event<MessageAcked> acked) {
        this.links = links;
        this.enrollments = enrollments;
        this.access = access;
        this.queries = queries;
        this.attachments = attachments;
        this.config = config;
        this.clock = clock;
        this.sent = sent;
        this.read = read;
        this.acked = acked;
    }

    /** Sends as the parent or as the tutor, decided by whether the caller is {@code tutorId}. */
    @Transactional
    public MessageView send(Caller caller, SendMessageRequest request) {
        String text = validText(request.message());
        boolean asTutor = caller.id().equals(request.tutorId());
        UUID parentId = asTutor ? parentForTutor(caller, request) : checkParent(caller, request);
        SenderRole role = asTutor ? SenderRole.TUTOR : SenderRole.PARENT;
        AttachmentClaims.Claimed attachment = request.attachmentUrl() == null ? null
                : attachments.claim(caller, request.attachmentUrl());

        Instant now = Time.now(clock);
        UUID messageId = UUID.randomUUID();
        UUID threadId = queries.upsertThread(parentId, request.tutorId(), request.studentId(), messageId, now,
                role == SenderRole.PARENT);
        // The upsert holds the thread's row lock until commit: the chain head read now is the latest, and a
        // concurrent send into this thread waits for this one (other threads do not).
        ChainHash.Fields fields = new ChainHash.Fields(threadId, messageId, parentId, request.tutorId(),
                request.studentId(), role.name(), caller.id(), now, request.ackRequested(),
                attachment == null ? null : attachment.id(), attachment == null ? null : attachment.sha256(), text);
        Optional<ThreadQueries.ChainLink> head = queries.chainHead(threadId);
        byte[] prevHash = head.map(ThreadQueries.ChainLink::hash).orElseGet(() -> ChainHash.genesis(threadId));
        int index = head.map(h -> h.index() + 1).orElse(0);
        queries.insertMessage(fields, index, prevHash, ChainHash.hash(prevHash, fields));
        sent.fire(new MessageSent(messageId, threadId, parentId, request.tutorId(), request.studentId(), role,
                caller.id(), now));
        return new MessageView(messageId, threadId, parentId, request.tutorId(), request.studentId(), role, text,
                attachment == null ? null : attachment.view(), now, null, request.ackRequested(), null);
    }

    /**
     * The caller's threads: as tutor if they hold TUTOR and ask for it (the default for tutors), else as parent.
     * A first page fixes the snapshot whose order the following pages keep; its cursor carries it along. One
     * statement that only reads, so it runs without a transaction.
     */
    public Page<ThreadView> threads(Caller caller, Role as, ThreadFilter filter, Cursor after, int limit) {
        if (after != null && after.snapshot() == null) {
            throw new InvalidInput("cursor is not a cursor of a thread list");
        }
        Instant now = Time.now(clock);
        Instant snapshot = after != null ? after.snapshot() : now;
        Role side = as != null ? as : (caller.has(Role.TUTOR) ? Role.TUTOR : Role.PARENT);
        List<ThreadView> rows;
        if (side == Role.TUTOR && caller.has(Role.TUTOR)) {
            rows = queries.forTutor(caller.id(), filter, now, snapshot, after, limit);
        } else if (side == Role.PARENT && caller.has(Role.PARENT)) {
            if (filter.usesTutorState()) {
                throw new InvalidInput("pinned and snoozed filter a tutor's inbox; a parent's list has neither");
            }
            rows = queries.forParent(caller.id(), filter, now, snapshot, after, limit);
        } else {
            throw new NotAllowed("Thread lists are for parents and tutors; your account is not a " + side);
        }
        Instant passSnapshot = after != null ? snapshot : latest(snapshot, rows);
        return Page.of(rows, limit, v -> new Cursor(Boolean.TRUE.equals(v.pinned()), v.lastActivityAt(),
                v.threadId(), passSnapshot));
    }

    /** A first page's snapshot: its "now", or later if another node's clock stamped a shown thread later. */
    private static Instant latest(Instant now, List<ThreadView> rows) {
        Instant latest = now;
        for (ThreadView row : rows) {
            if (row.lastActivityAt().isAfter(latest)) {
                latest = row.lastActivityAt();
            }
        }
        return latest;
    }

    /**
     * A page of a thread, newest first; the other side's unread messages are stamped read as it is read. Two
     * statements, each atomic on its own, so no transaction around them: the access check (the thread with its
     * parent's link), then the stamp and the page in one (a page shows every message it stamped as read). A link
     * removed between the two would not be held off by a transaction either: under READ COMMITTED the second
     * statement sees what others committed before it anyway.
     */
    public Page<MessageView> open(Caller caller, UUID threadId, Cursor before, int limit) {
        return stampAndPage(access.check(caller, threadId, false), before, limit);
    }

    /**
     * A conversation as a page shows it: the thread's three people by name, the caller's side, and a page of
     * messages (newest first); opening it stamps the other side's messages read, as {@link #open} does.
     */
    public Conversation conversation(Caller caller, UUID threadId, Cursor before, int limit) {
        ThreadAccess.Grant grant = access.check(caller, threadId, false);
        Page<MessageView> page = stampAndPage(grant, before, limit);
        ThreadQueries.Names names = queries.names(threadId).orElseThrow(() -> new NotFound(
                "No thread " + threadId + " that you can read"));
        return new Conversation(grant.thread(), mySide(grant), names.parent(), names.tutor(), names.student(), page);
    }

    /**
     * The newest messages as stored and the caller's side, for whoever may read the thread: stamps nothing and
     * leaves the names out (a page refreshing its read receipts).
     */
    public Conversation latest(Caller caller, UUID threadId, int limit) {
        ThreadAccess.Grant grant = access.check(caller, threadId, false);
        return new Conversation(grant.thread(), mySide(grant), null, null, null, page(grant.thread(), null, limit));
    }

    /** A thread page's view of a thread: who it is between, as whom the caller reads, and a page of messages. */
    public record Conversation(ThreadRef thread, SenderRole side, UserRef parent, UserRef tutor, UserRef student,
                               Page<MessageView> messages) {
    }

    private static SenderRole mySide(ThreadAccess.Grant grant) {
        if (grant.side() == ThreadAccess.Side.ADMIN) {
            throw new IllegalStateException("admins read through AdminService, which stamps nothing");
        }
        return grant.side() == ThreadAccess.Side.TUTOR ? SenderRole.TUTOR : SenderRole.PARENT;
    }

    /** Stamps the other side's unread messages read and reads a page, in one statement; a stamp is a live event. */
    private Page<MessageView> stampAndPage(ThreadAccess.Grant grant, Cursor before, int limit) {
        SenderRole reader = mySide(grant);
        Instant now = Time.now(clock);
        ThreadRef t = grant.thread();
        ThreadQueries.StampedPage page = queries.stampAndPage(t, reader.other(), now, before, limit);
        if (page.stamped() > 0) {
            read.fire(new ThreadRead(t.id(), t.parentId(), t.tutorId(), t.studentId(), reader, now, page.stamped()));
        }
        return Page.of(page.messages(), limit, MessagingService::cursorOf);
    }

    /**
     * Acknowledges a message whose sender asked for it: only the other side of the thread (the recipient) may, and
     * only once. Reading a message is not acknowledging it. Refused: someone else's family (404 as for reading),
     * a parent whose link was removed, one's own message (403), a message that asks for nothing or was already
     * acknowledged (409).
     */
    @Transactional
    public MessageView acknowledge(Caller caller, UUID threadId, UUID messageId) {
        ThreadAccess.Grant grant = access.check(caller, threadId, false);
        if (grant.side() == ThreadAccess.Side.ADMIN) {
            throw new IllegalStateException("admins are never granted a thread here");
        }
        SenderRole reader = grant.side() == ThreadAccess.Side.TUTOR ? SenderRole.TUTOR : SenderRole.PARENT;
        MessageView message = queries.message(grant.thread(), messageId).orElseThrow(() -> new NotFound(
                "No message " + messageId + " in this thread"));
        if (message.role() == reader) {
            throw new NotAllowed("This is your own message: the other side of the thread acknowledges it");
        }
        if (!message.ackRequested()) {
            throw new Conflict("The sender did not ask for this message to be acknowledged");
        }
        Instant now = Time.now(clock);
        if (!queries.ack(threadId, messageId, message.role(), now)) {
            throw new Conflict("This message was already acknowledged; an acknowledgement is final");
        }
        ThreadRef t = grant.thread();
        acked.fire(new MessageAcked(messageId, threadId, t.parentId(), t.tutorId(), t.studentId(), reader, caller.id(),
                now));
        return new MessageView(message.id(), threadId, t.parentId(), t.tutorId(), t.studentId(), message.role(),
                message.message(), message.attachment(), message.createdAt(), message.readAt(), true, now);
    }

    /** A page of a thread, newest first, as stored: stamps nothing. Attachments come in the same statement. */
    public Page<MessageView> page(ThreadRef thread, Cursor before, int limit) {
        return Page.of(queries.messages(thread, before, limit), limit, MessagingService::cursorOf);
    }

    private static Cursor cursorOf(MessageView message) {
        return new Cursor(false, message.createdAt(), message.id());
    }

    private UUID checkParent(Caller caller, SendMessageRequest request) {
        if (!caller.has(Role.PARENT)) {
            throw new NotAllowed("Only a parent, or the tutor named by tutorId, may send this message");
        }
        if (request.parentId() != null && !request.parentId().equals(caller.id())) {
            throw new NotAllowed("As a parent you can only send as yourself; leave parentId out");
        }
        if (!links.holdLink(caller.id(), request.studentId())) {
            throw new NotAllowed("Your account is not linked to this student");
        }
        if (!enrollments.exists(request.studentId(), request.tutorId())) {
            throw new NotAllowed("This tutor does not teach this student");
        }
        return caller.id();
    }

    private UUID parentForTutor(Caller caller, SendMessageRequest request) {
        if (!caller.has(Role.TUTOR)) {
            throw new NotAllowed("Your account does not have the TUTOR role");
        }
        if (!enrollments.exists(request.studentId(), request.tutorId())) {
            throw new NotAllowed("You do not teach this student");
        }
        List<UUID> parents = links.holdParentsOf(request.studentId()).stream()
                .filter(parent -> !parent.equals(caller.id()))
                .toList();
        if (parents.isEmpty()) {
            throw new Conflict("No parent is linked to this student yet, so there is no one to write to");
        }
        if (request.parentId() == null) {
            if (parents.size() > 1) {
                throw new InvalidInput("This student has " + parents.size()
                        + " linked parents: say which one with parentId");
            }
            return parents.get(0);
        }
        if (!parents.contains(request.parentId())) {
            throw new WrongKind("parentId " + request.parentId()
                    + " is not a parent linked to this student");
        }
        return request.parentId();
    }

    private String validText(String message) {
        String text = message == null ? "" : message.strip();
        int max = config.message().maxLength();
        if (text.isEmpty()) {
            throw new InvalidInput("message must not be empty");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidInput("message must not contain NUL characters");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new InvalidInput("message must be at most " + max + " characters");
        }
        return text;
    }
}
