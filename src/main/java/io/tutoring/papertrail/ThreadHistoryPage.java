package io.tutoring.papertrail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.tutoring.common.Ids;
import io.tutoring.users.Caller;
import io.tutoring.users.CurrentUser;
import io.tutoring.users.Role;
import io.tutoring.users.UserRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /threads/{threadId}/history}: the family timeline of a conversation (the page of
 * {@code GET /api/parent/threads/{threadId}/timeline}, through the same service and rules), with every admin read,
 * and the links to download the export. Linked from the conversation; a page of its own because the conversation
 * (messaging) must not know the paper trail (above it).
 */
@Path("/threads/{threadId}/history")
@RolesAllowed({Role.PARENT_NAME, Role.TUTOR_NAME})
@Produces(MediaType.TEXT_HTML)
public class ThreadHistoryPage {

    /** One entry as the page shows it: when, what in words, who (or null), and whether it is an admin read. */
    public record Entry(Instant at, String what, String who, boolean adminRead) {
    }

    /** What the page shows; {@code entries} oldest first. */
    public record History(UUID threadId, UserRef student, UserRef other, List<Entry> entries, long adminReads) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(History h);
    }

    private final PaperTrailService service;
    private final CurrentUser currentUser;

    public ThreadHistoryPage(PaperTrailService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance history(@PathParam("threadId") String threadId) {
        UUID id = Ids.parse(threadId, "threadId");
        Caller caller = currentUser.get();
        PaperTrailService.Export trail = service.forParticipant(caller, id);
        PaperTrailQueries.Header t = trail.thread();
        UserRef other = caller.id().equals(t.tutor().id()) ? t.parent() : t.tutor();
        List<Entry> entries = trail.timeline().stream().map(e -> entry(e, t)).toList();
        long adminReads = entries.stream().filter(Entry::adminRead).count();
        return Templates.history(new History(id, t.student(), other, entries, adminReads));
    }

    static Entry entry(TimelineEntry e, PaperTrailQueries.Header t) {
        PaperTrailCopy copy = MessageBundles.get(PaperTrailCopy.class);
        String action = e.action() == null ? "" : e.action();
        String words = action.toLowerCase(Locale.ROOT).replace('_', ' ');
        String what = switch (e.type()) {
            case "INVITE" -> switch (action) {
                case "INVITED" -> "STUDENT_INVITED_PARENT".equals(e.invite())
                        ? copy.studentInvited(t.student().name(), t.parent().name())
                        : copy.parentInvited(t.parent().name(), t.student().name());
                case "RESENT" -> copy.inviteResent();
                case "CONFIRMED" -> copy.inviteConfirmed();
                case "ACCEPTED" -> copy.inviteAccepted();
                case "DECLINED" -> copy.inviteDeclined();
                case "REVOKED" -> copy.inviteRevoked();
                default -> copy.inviteOther(words);
            };
            case "LINK" -> switch (action) {
                case "CREATED_BY_ADMIN" -> copy.linkCreatedByAdmin();
                case "CREATED_BY_INVITE" -> copy.linkCreatedByInvite();
                case "REMOVED_BY_ADMIN" -> copy.linkRemovedByAdmin();
                case "REMOVED_BY_PARENT" -> copy.linkRemovedByParent();
                case "REMOVED_BY_STUDENT" -> copy.linkRemovedByStudent();
                default -> copy.linkOther(words);
            };
            case "ENROLLMENT" -> switch (action) {
                case "STARTED" -> copy.enrollmentStarted();
                case "ENDED" -> copy.enrollmentEnded();
                default -> copy.enrollmentOther(words);
            };
            case "ADMIN_READ" -> switch (action) {
                case "READ_MESSAGES" -> copy.adminReadMessages();
                case "READ_ATTACHMENT" -> copy.adminReadAttachment();
                case "EXPORT" -> copy.adminExport();
                default -> copy.adminOther(words);
            };
            default -> e.type() + ": " + words;
        };
        return new Entry(e.at(), what, e.actor() == null ? null : e.actor().name(), "ADMIN_READ".equals(e.type()));
    }
}
