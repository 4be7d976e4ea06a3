package io.tutoring.messaging;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.MessagingConfig;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.users.Caller;
import io.tutoring.users.Availability;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import io.tutoring.users.UserRef;
import io.tutoring.web.Htmx;
import io.tutoring.web.Times;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * {@code /threads/{threadId}}: a conversation, oldest to newest, with older messages on demand, read receipts on the
 * reader's own messages and the reply form. The page of {@link ThreadsResource} and {@link MessagesResource}: it
 * calls the same service. Fragments for htmx: older messages, the messages after one (live updates: a new message),
 * and the receipts again (live updates: the other side read).
 */
@Path("/threads/{threadId}")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
@Produces(MediaType.TEXT_HTML)
public class ThreadPage {

    /** An attachment as the page links it: through the page's authorized download, which redirects to S3. */
    public record FileLink(String href, String fileName, boolean image, String size) {
    }

    /** One message as the page shows it. */
    public record Shown(UUID id, boolean mine, String sender, String text, Instant createdAt, Instant readAt,
                        FileLink file, boolean ackRequested, Instant ackedAt) {

        /** The reader is the recipient of a message that asks for an acknowledgement not given yet. */
        public boolean canAck() {
            return !mine && ackRequested && ackedAt == null;
        }
    }

    /**
     * What the page and its fragments show. {@code messages} are oldest first; {@code availability} is the tutor's
     * reply time and office hours, shown to the parent (null for the tutor, or when the tutor set neither).
     */
    public record Conversation(UUID threadId, UserRef student, UserRef other, List<Shown> messages, String older,
                               UUID newest, String draft, String error, int maxLength, String availability) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance thread(Conversation c);

        static native TemplateInstance thread$older(Conversation c);

        static native TemplateInstance thread$since(Conversation c);

        static native TemplateInstance thread$receipts(Conversation c);
    }

    /** Where a page's attachments are downloaded with the page session (see attachments/AttachmentsPage). */
    static final String DOWNLOAD = "/attachments/";

    private final MessagingService messaging;
    private final ThreadAccess access;
    private final CurrentUser currentUser;
    private final PageLimits limits;
    private final MessagingConfig config;
    private final Availability availability;
    private final Times times;

    public ThreadPage(MessagingService messaging, ThreadAccess access, CurrentUser currentUser, PageLimits limits,
                      MessagingConfig config, Availability availability, Times times) {
        this.messaging = messaging;
        this.access = access;
        this.currentUser = currentUser;
        this.limits = limits;
        this.config = config;
        this.availability = availability;
        this.times = times;
    }

    @GET
    public TemplateInstance thread(@PathParam("threadId") String threadId, @QueryParam("before") String before,
                                   @HeaderParam(Htmx.REQUEST) boolean htmx) {
        Conversation c = open(threadId, before, "", null);
        return htmx && before != null ? Templates.thread$older(c) : Templates.thread(c);
    }

    /** Older messages: the page before {@code before}, with the button for the ones before them. */
    @GET
    @Path("older")
    public TemplateInstance older(@PathParam("threadId") String threadId, @QueryParam("before") String before) {
        return Templates.thread$older(open(threadId, before, "", null));
    }

    /**
     * The messages after {@code after} (a live "message" event): newest page cut at that message, oldest first,
     * with the marker for the next time. Opening stamps the other side's messages read, as the page does. Events
     * are per user, not per thread: when this thread has nothing after {@code after}, 204 (htmx swaps nothing and
     * the marker stays).
     */
    @GET
    @Path("since")
    public Response since(@PathParam("threadId") String threadId, @QueryParam("after") String after) {
        UUID afterId = Ids.parseOptional(after, "after");
        Caller caller = currentUser.get();
        MessagingService.Conversation found = messaging.conversation(caller, Ids.parse(threadId, "threadId"), null,
                config.page().maxSize());
        List<MessageView> newer = new ArrayList<>();
        for (MessageView m : found.messages().items()) {
            if (m.id().equals(afterId)) {
                break;
            }
            newer.add(m);
        }
        if (newer.isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(Templates.thread$since(view(found, new Page<>(newer, null), "", null))).build();
    }

    /** The read receipts of the newest page again (a live "read" event), as out-of-band swaps; stamps nothing. */
    @GET
    @Path("receipts")
    public TemplateInstance receipts(@PathParam("threadId") String threadId) {
        UUID id = Ids.parse(threadId, "threadId");
        Caller caller = currentUser.get();
        MessagingService.Conversation latest = messaging.latest(caller, id, limits.resolve(null));
        boolean tutor = latest.side() == SenderRole.TUTOR;
        List<Shown> shown = latest.messages().items().stream().map(m -> shown(m, tutor, null)).toList();
        return Templates.thread$receipts(new Conversation(id, null, null, shown, null, null, "", null, 0, null));
    }

    /** Reply. Without JavaScript there is no file; with it, {@code attachmentUrl} names the file uploaded to S3. */
    @POST
    @Path("messages")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response reply(@PathParam("threadId") String threadId, @FormParam("message") String message,
                          @FormParam("attachmentUrl") String attachmentUrl,
                          @FormParam("requestAck") String requestAck) {
        UUID id = Ids.parse(threadId, "threadId");
        Caller caller = currentUser.get();
        ThreadAccess.Grant grant = access.check(caller, id, false);
        ThreadRef t = grant.thread();
        if (message == null || message.isBlank()) {
            return invalid(threadId, message, MessageBundles.get(MessagesCopy.class).errorEmpty());
        }
        String file = attachmentUrl == null || attachmentUrl.isBlank() ? null : attachmentUrl.trim();
        Boolean ack = requestAck != null && !requestAck.isBlank() && !"false".equals(requestAck) ? Boolean.TRUE : null;
        SendMessageRequest request = new SendMessageRequest(t.tutorId(), t.studentId(), message, file,
                grant.side() == ThreadAccess.Side.TUTOR ? t.parentId() : null, ack);
        MessageView sent;
        try {
            sent = messaging.send(caller, request);
        } catch (InvalidInput e) {
            return invalid(threadId, message, e.getMessage());
        }
        return Response.seeOther(URI.create("/threads/" + id + "#m-" + sent.id())).build();
    }

    /**
     * Acknowledges a message (the paper trail), through the service the API's ack calls: the recipient only, once.
     * Refusals are the error pages (own message 403, nothing asked or already acknowledged 409, someone else's
     * thread 404). Then back to the message.
     */
    @POST
    @Path("messages/{messageId}/ack")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response acknowledge(@PathParam("threadId") String threadId, @PathParam("messageId") String messageId) {
        UUID id = Ids.parse(threadId, "threadId");
        MessageView acked = messaging.acknowledge(currentUser.get(), id, Ids.parse(messageId, "messageId"));
        return Response.seeOther(URI.create("/threads/" + id + "#m-" + acked.id())).build();
    }

    private Response invalid(String threadId, String draft, String error) {
        return Response.status(400).entity(Templates.thread(open(threadId, null, draft, error))).build();
    }

    private Conversation open(String threadId, String before, String draft, String error) {
        UUID id = Ids.parse(threadId, "threadId");
        MessagingService.Conversation found = messaging.conversation(currentUser.get(), id,
                Cursor.decode(before, "before"), limits.resolve(null));
        Conversation c = view(found, found.messages(), draft, error);
        if (found.side() != SenderRole.PARENT) {
            return c;
        }
        String line = availability.line(found.tutor().id(), times.zone()).orElse(null);
        return new Conversation(c.threadId(), c.student(), c.other(), c.messages(), c.older(), c.newest(), c.draft(),
                c.error(), c.maxLength(), line);
    }

    private Conversation view(MessagingService.Conversation found, Page<MessageView> page, String draft,
                              String error) {
        boolean tutor = found.side() == SenderRole.TUTOR;
        UserRef other = tutor ? found.parent() : found.tutor();
        List<Shown> shown = new ArrayList<>(page.items().stream().map(m -> shown(m, tutor, other.name())).toList());
        UUID newest = shown.isEmpty() ? null : shown.get(0).id();
        Collections.reverse(shown);
        return new Conversation(found.thread().id(), found.student(), other, List.copyOf(shown), page.nextCursor(),
                newest, draft == null ? "" : draft, error, config.message().maxLength(), null);
    }

    private static Shown shown(MessageView m, boolean tutor, String otherName) {
        boolean mine = (m.role() == SenderRole.TUTOR) == tutor;
        MessageView.AttachmentView a = m.attachment();
        FileLink file = a == null ? null : new FileLink(DOWNLOAD + a.url().substring(a.url().lastIndexOf('/') + 1),
                a.fileName(), a.contentType().startsWith("image/"), size(a.size()));
        return new Shown(m.id(), mine, mine ? MessageBundles.get(MessagesCopy.class).youSender() : otherName,
                m.message(), m.createdAt(), m.readAt(), file, m.ackRequested(), m.ackedAt());
    }

    /** A file size for people: 820 bytes, 48 KB, 2.4 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
