package io.tutoring.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.tutoring.common.Cursor;
import io.tutoring.common.Ids;
import io.tutoring.common.Page;
import io.tutoring.common.PageLimits;
import io.tutoring.common.failures.InvalidInput;
import io.tutoring.common.failures.NotFound;
import io.tutoring.messaging.MessageView;
import io.tutoring.messaging.SenderRole;
import io.tutoring.messaging.ThreadView;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The admin's pages, beside {@link AdminResource} and on the same {@link AdminService}: {@code /admin} finds
 * threads by parent, tutor or student (a search over names and emails picks the person), {@code /admin/threads/{id}}
 * reads one under a banner saying the read is recorded (recorded by the service, nothing stamped read), and
 * {@code /admin/audit} lists the admin reads, newest first. Admins only: anyone else gets the 403 page, anonymous
 * browsers the way to sign in (web/ErrorPages).
 */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class AdminPage {

    /** A message as the admin's reading shows it: who wrote it, by name. */
    public record MessageLine(String from, boolean fromParent, String text, MessageView.AttachmentView attachment,
                              String size, Instant at, Instant readAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance threads(String q, boolean searched, List<AdminService.Person> people,
                                               boolean morePeople, String heading, boolean filtered,
                                               List<ThreadView> threads, String older);

        static native TemplateInstance thread(AdminService.ThreadSummary thread, List<MessageLine> messages,
                                              String older, boolean paged);

        static native TemplateInstance audit(List<AdminService.AuditLine> lines, UUID threadId, String older);
    }

    private final AdminService admin;
    private final CurrentUser currentUser;
    private final PageLimits limits;

    public AdminPage(AdminService admin, CurrentUser currentUser, PageLimits limits) {
        this.admin = admin;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    @GET
    public TemplateInstance threads(@QueryParam("q") String q, @QueryParam("parentId") String parentId,
                                    @QueryParam("tutorId") String tutorId, @QueryParam("studentId") String studentId,
                                    @QueryParam("cursor") String cursor) {
        String words = q == null ? "" : q.strip();
        List<AdminService.Person> people = admin.people(words);
        UUID parent = Ids.parseOptional(parentId, "parentId");
        UUID tutor = Ids.parseOptional(tutorId, "tutorId");
        UUID student = Ids.parseOptional(studentId, "studentId");
        String filter = parent != null ? "parentId=" + parent : tutor != null ? "tutorId=" + tutor
                : student != null ? "studentId=" + student : null;
        // A search shows the people to pick from; their threads come with the pick (or with no search at all).
        Page<ThreadView> page = !words.isEmpty() && filter == null ? null
                : admin.threads(parent, tutor, student, Cursor.decode(cursor, "cursor"), limits.resolve(null));
        if (page == null) {
            return Templates.threads(words, true, people, people.size() >= AdminService.PEOPLE_SHOWN, null, false,
                    null, null);
        }
        String older = page.nextCursor() == null ? null
                : "/admin?" + (filter == null ? "" : filter + "&") + "cursor=" + encode(page.nextCursor());
        return Templates.threads(words, !words.isEmpty(), people, people.size() >= AdminService.PEOPLE_SHOWN,
                heading(parent, tutor, student), filter != null, page.items(), older);
    }

    @GET
    @Path("threads/{threadId}")
    public TemplateInstance thread(@PathParam("threadId") String threadId, @QueryParam("before") String before) {
        UUID id = pathId(threadId);
        AdminService.Reading reading = admin.reading(currentUser.get(), id, Cursor.decode(before, "before"),
                limits.resolve(null));
        AdminService.ThreadSummary thread = reading.thread();
        AdminCopy copy = MessageBundles.get(AdminCopy.class);
        List<MessageLine> lines = new ArrayList<>();
        for (MessageView m : reading.messages().items()) {
            boolean fromParent = m.role() == SenderRole.PARENT;
            lines.add(new MessageLine(fromParent ? copy.fromParent(thread.parent().name())
                    : copy.fromTutor(thread.tutor().name()), fromParent, m.message(), m.attachment(),
                    m.attachment() == null ? null : size(m.attachment().size()), m.createdAt(), m.readAt()));
        }
        // The service pages newest first; a conversation reads oldest first.
        Collections.reverse(lines);
        String next = reading.messages().nextCursor();
        String older = next == null ? null : "/admin/threads/" + id + "?before=" + encode(next);
        return Templates.thread(thread, lines, older, before != null && !before.isBlank());
    }

    @GET
    @Path("audit")
    public TemplateInstance audit(@QueryParam("threadId") String threadId, @QueryParam("cursor") String cursor) {
        UUID thread = Ids.parseOptional(threadId, "threadId");
        Page<AdminService.AuditLine> page = admin.auditLines(thread, Cursor.decode(cursor, "cursor"),
                limits.resolve(null));
        String older = page.nextCursor() == null ? null : "/admin/audit?"
                + (thread == null ? "" : "threadId=" + thread + "&") + "cursor=" + encode(page.nextCursor());
        return Templates.audit(page.items(), thread, older);
    }

    /** The list's heading: the person it is filtered by (one filter at a time on this page), or the latest. */
    private String heading(UUID parent, UUID tutor, UUID student) {
        AdminCopy copy = MessageBundles.get(AdminCopy.class);
        UUID who = parent != null ? parent : tutor != null ? tutor : student;
        if (who == null) {
            return copy.latestTitle();
        }
        String name = admin.person(who).map(p -> p.name() != null ? p.name() : p.email())
                .orElseThrow(() -> new NotFound("No user " + who));
        return parent != null ? copy.ofParentTitle(name) : tutor != null ? copy.ofTutorTitle(name)
                : copy.ofStudentTitle(name);
    }

    /** A thread id from the path; anything that is not one is a page that does not exist. */
    private static UUID pathId(String value) {
        try {
            return Ids.parse(value, "threadId");
        } catch (InvalidInput e) {
            throw new NotFound("No thread " + value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A file size for people: bytes, KB or MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
