package io.tutoring.messaging;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.common.Time;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.users.Caller;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code /messages}: the caller's threads (a tutor's inbox with pin, snooze and filters), and {@code /messages/new}
 * to start a thread. The page of {@link ThreadsResource}, {@link TutorThreadsResource} and {@link ContactsResource}:
 * it calls the same services. Forms post and redirect; htmx only loads fragments (older threads, the next select,
 * the rows again when a live event arrives).
 */
@Path("/messages")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
@Produces(MediaType.TEXT_HTML)
public class MessagesPage {

    /** When a snooze of a preset or a chosen date ends, in the reader's zone. */
    static final LocalTime MORNING = LocalTime.of(8, 0);

    /** The filters of a list, as the query string of the page carries them. */
    public record Filters(UUID student, boolean unread, String show) {

        public boolean pinned() {
            return "pinned".equals(show);
        }

        public boolean snoozed() {
            return "snoozed".equals(show);
        }

        public boolean any() {
            return student != null || unread || pinned() || snoozed();
        }

        /** The query string of these filters, "" when none, else starting with "?". */
        public String query() {
            List<String> parts = new ArrayList<>();
            if (student != null) {
                parts.add("student=" + student);
            }
            if (unread) {
                parts.add("unread=true");
            }
            if (pinned() || snoozed()) {
                parts.add("show=" + show);
            }
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        /** The query string with a cursor added. */
        public String queryWith(String cursor) {
            String q = query();
            return (q.isEmpty() ? "?" : q + "&") + "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        }

        ThreadFilter filter() {
            return new ThreadFilter(student, unread, pinned() ? Boolean.TRUE : null, snoozed());
        }
    }

    /** A row of the list: the thread, the name of the other side, and what it last said, shortened. */
    public record Row(ThreadView thread, UserRef other, String preview, boolean lastMine, boolean hasAttachment,
                      long unread, boolean pinned, Instant snoozedUntil) {
    }

    /** What the list page shows. */
    public record Inbox(boolean tutor, Filters filters, List<UserRef> students, List<Row> rows, String next,
                        String snoozeMin) {
    }

    /** The form of a new thread, at step 1 (no student yet) or 2. */
    public record Compose(boolean tutor, List<UserRef> students, UUID student, List<UserRef> recipients,
                          UUID recipient, String message, String error, String errorField) {

        public boolean hasContacts() {
            return !students.isEmpty();
        }

        public String studentName() {
            return students.stream().filter(s -> s.id().equals(student)).map(UserRef::name).findFirst().orElse("");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Inbox inbox);

        static native TemplateInstance list$rows(Inbox inbox);

        static native TemplateInstance compose(Compose compose);

        static native TemplateInstance compose$form(Compose compose);
    }

    private static final Pattern SAFE_QUERY = Pattern.compile("\\?[A-Za-z0-9=&%._-]{0,500}");
    private static final int PREVIEW_LENGTH = 120;

    private final MessagingService messaging;
    private final TutorInboxService inbox;
    private final ContactsService contacts;
    private final CurrentUser currentUser;
    private final PageLimits limits;
    private final Times times;
    private final Clock clock;

    public MessagesPage(MessagingService messaging, TutorInboxService inbox, ContactsService contacts,
                        CurrentUser currentUser, PageLimits limits, Times times, Clock clock) {
        this.messaging = messaging;
        this.inbox = inbox;
        this.contacts = contacts;
        this.currentUser = currentUser;
        this.limits = limits;
        this.times = times;
        this.clock = clock;
    }

    // ---- The list ----------------------------------------------------------------------------------------------

    @GET
    public TemplateInstance list(@QueryParam("student") String student, @QueryParam("unread") String unread,
                                 @QueryParam("show") String show, @QueryParam("cursor") String cursor,
                                 @HeaderParam(Htmx.REQUEST) boolean htmx) {
        Inbox view = inbox(filters(student, unread, show), cursor);
        return htmx ? Templates.list$rows(view) : Templates.list(view);
    }

    /** The rows alone (the first page, or the one after {@code cursor}): "older threads" and live updates. */
    @GET
    @Path("rows")
    public TemplateInstance rows(@QueryParam("student") String student, @QueryParam("unread") String unread,
                                 @QueryParam("show") String show, @QueryParam("cursor") String cursor) {
        return Templates.list$rows(inbox(filters(student, unread, show), cursor));
    }

    private Inbox inbox(Filters filters, String cursor) {
        Caller caller = currentUser.get();
        boolean tutor = caller.has(Role.TUTOR);
        if (!tutor && (filters.pinned() || filters.snoozed())) {
            filters = new Filters(filters.student(), filters.unread(), null);
        }
        Page<ThreadView> page = messaging.threads(caller, null, filters.filter(), Cursor.decode(cursor, "cursor"),
                limits.resolve(null));
        List<Row> rows = page.items().stream().map(t -> row(t, tutor)).toList();
        List<UserRef> students = tutor
                ? contacts.studentsOfTutorThreads(caller.id())
                : contacts.forParent(caller.id()).stream().map(Contacts.ForParent::student).toList();
        String next = page.nextCursor() == null ? null : filters.queryWith(page.nextCursor());
        return new Inbox(tutor, filters, students, rows, next, today().plusDays(1).toString());
    }

    private static Row row(ThreadView t, boolean tutor) {
        ThreadView.LastMessage last = t.lastMessage();
        SenderRole mine = tutor ? SenderRole.TUTOR : SenderRole.PARENT;
        return new Row(t, tutor ? t.parent() : t.tutor(), last == null ? "" : preview(last.message()),
                last != null && last.role() == mine, last != null && last.attachment() != null,
                t.unreadCount() == null ? 0 : t.unreadCount(), Boolean.TRUE.equals(t.pinned()), t.snoozedUntil());
    }

    /** The start of a message on one line: whitespace collapsed, cut at a word near 120 characters. */
    static String preview(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= PREVIEW_LENGTH) {
            return line;
        }
        int end = line.offsetByCodePoints(0, PREVIEW_LENGTH);
        int space = line.lastIndexOf(' ', end);
        return line.substring(0, space > PREVIEW_LENGTH / 2 ? space : end).strip() + "…";
    }

    private static Filters filters(String student, String unread, String show) {
        String shown = show == null || show.isBlank() ? null : show.trim();
        if (shown != null && !List.of("all", "pinned", "snoozed").contains(shown)) {
            throw new InvalidInput("show must be all, pinned or snoozed");
        }
        boolean onlyUnread = unread != null && List.of("true", "on").contains(unread.trim());
        return new Filters(Ids.parseOptional(student, "student"), onlyUnread, "all".equals(shown) ? null : shown);
    }

    // ---- A tutor's controls: pin, snooze, wake (forms; back to the list as it was) ------------------------------

    @POST
    @Path("{threadId}/pin")
    @RolesAllowed(Role.TUTOR_NAME)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response pin(@PathParam("threadId") String threadId, @FormParam("pinned") String pinned,
                        @FormParam("back") String back) {
        inbox.pin(currentUser.get(), Ids.parse(threadId, "threadId"), !"false".equals(pinned));
        return backToList(back);
    }

    @POST
    @Path("{threadId}/snooze")
    @RolesAllowed(Role.TUTOR_NAME)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response snooze(@PathParam("threadId") String threadId, @FormParam("preset") String preset,
                           @FormParam("date") String date, @FormParam("back") String back) {
        UUID id = Ids.parse(threadId, "threadId");
        inbox.snooze(currentUser.get(), id, snoozeEnd(preset, date));
        return backToList(back);
    }

    @POST
    @Path("{threadId}/wake")
    @RolesAllowed(Role.TUTOR_NAME)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response wake(@PathParam("threadId") String threadId, @FormParam("back") String back) {
        inbox.wake(currentUser.get(), Ids.parse(threadId, "threadId"));
        return backToList(back);
    }

    /** The end of a snooze: tomorrow at 8:00, next Monday at 8:00, or a chosen date at 8:00, in the reader's zone. */
    private Instant snoozeEnd(String preset, String date) {
        ZoneId zone = times.zone();
        LocalDate today = today();
        LocalDate day = switch (preset == null ? "" : preset) {
            case "tomorrow" -> today.plusDays(1);
            case "week" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case "date" -> {
                try {
                    yield LocalDate.parse(Objects.requireNonNullElse(date, "").trim());
                } catch (DateTimeParseException e) {
                    throw new InvalidInput(io.quarkus.qute.i18n.MessageBundles.get(MessagesCopy.class)
                            .snoozeNeedsDate());
                }
            }
            default -> throw new InvalidInput("preset must be tomorrow, week or date");
        };
        return day.atTime(MORNING).atZone(zone).toInstant();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Time.now(clock), times.zone());
    }

    private static Response backToList(String back) {
        String query = back != null && SAFE_QUERY.matcher(back).matches() ? back : "";
        return Response.seeOther(URI.create("/messages" + query)).build();
    }

    // ---- A new thread ------------------------------------------------------------------------------------------

    @GET
    @Path("new")
    public TemplateInstance compose(@QueryParam("student") String student) {
        return Templates.compose(compose(Ids.parseOptional(student, "student"), null, "", null, null));
    }

    /** The second select alone, for the student picked (htmx swaps it in when the first select changes). */
    @GET
    @Path("new/recipients")
    public TemplateInstance recipients(@QueryParam("student") String student) {
        return Templates.compose$form(compose(Ids.parseOptional(student, "student"), null, "", null, null));
    }

    @POST
    @Path("new")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response start(@FormParam("student") String student, @FormParam("recipient") String recipient,
                          @FormParam("message") String message) {
        UUID studentId = Ids.parseOptional(student, "student");
        UUID recipientId = Ids.parseOptional(recipient, "recipient");
        MessagesCopy copy = io.quarkus.qute.i18n.MessageBundles.get(MessagesCopy.class);
        if (studentId == null) {
            return invalid(compose(null, null, message, copy.errorStudent(), "student"));
        }
        if (recipientId == null) {
            return invalid(compose(studentId, null, message, copy.errorRecipient(), "recipient"));
        }
        if (message == null || message.isBlank()) {
            return invalid(compose(studentId, recipientId, message, copy.errorEmpty(), "message"));
        }
        Caller caller = currentUser.get();
        boolean tutor = caller.has(Role.TUTOR);
        SendMessageRequest request = tutor
                ? new SendMessageRequest(caller.id(), studentId, message, null, recipientId)
                : new SendMessageRequest(recipientId, studentId, message, null, null);
        MessageView sent;
        try {
            sent = messaging.send(caller, request);
        } catch (InvalidInput e) {
            return invalid(compose(studentId, recipientId, message, e.getMessage(), "message"));
        }
        return Response.seeOther(URI.create("/threads/" + sent.threadId())).build();
    }

    private static Response invalid(Compose compose) {
        return Response.status(400).entity(Templates.compose(compose)).build();
    }

    private Compose compose(UUID student, UUID recipient, String message, String error, String errorField) {
        Caller caller = currentUser.get();
        boolean tutor = caller.has(Role.TUTOR);
        List<UserRef> students = new ArrayList<>();
        List<UserRef> recipients = List.of();
        if (tutor) {
            for (Contacts.ForTutor c : contacts.forTutor(caller.id())) {
                students.add(c.student());
                if (c.student().id().equals(student)) {
                    recipients = c.parents();
                }
            }
        } else {
            for (Contacts.ForParent c : contacts.forParent(caller.id())) {
                students.add(c.student());
                if (c.student().id().equals(student)) {
                    recipients = c.tutors();
                }
            }
        }
        boolean known = students.stream().anyMatch(s -> s.id().equals(student));
        UUID picked = known ? student : null;
        if (picked != null && recipient == null && recipients.size() == 1) {
            recipient = recipients.get(0).id();
        }
        return new Compose(tutor, List.copyOf(students), picked, recipients, recipient, message == null ? "" : message,
                error, errorField);
    }
}
