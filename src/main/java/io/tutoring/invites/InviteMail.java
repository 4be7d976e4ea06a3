package io.tutoring.invites;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The magic-link email, from the Qute templates {@code templates/InviteMail/parentInvite.html} and {@code .txt}.
 * The link is built from the configured public URL only, and carries the token in the fragment
 * ({@code /invite#token=…}): browsers never send a fragment to a server nor put it in a Referer. The token is never
 * logged and never in the subject.
 */
@ApplicationScoped
public class InviteMail {

    private static final Logger LOG = Logger.getLogger(InviteMail.class);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance parentInvite(String studentName, String link, String expiresAt);

        static native MailTemplateInstance inviteAccepted(String studentName, String invitedEmail, String parentName,
                                                          String parentEmail, String familyLink);
    }

    private final String publicUrl;

    public InviteMail(InvitesConfig config) {
        String url = config.publicUrl().orElse("http://localhost:8080").trim();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Sends the invite. A failure of the mail server does not undo the invite: it is logged (without the token)
     * and the student can resend. Returns whether the mail server took the message.
     */
    boolean sendParentInvite(UUID inviteId, String to, String studentName, String token, Instant expiresAt) {
        String name = studentName == null || studentName.isBlank() ? "A student" : studentName;
        try {
            Templates.parentInvite(name, publicUrl + "/invite#token=" + token, EXPIRY.format(expiresAt))
                    .to(to)
                    .subject(name + " invites you to connect as their parent")
                    .send()
                    .await().atMost(Duration.ofSeconds(30));
            LOG.infof("Emailed invite %s", inviteId);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("The email for invite %s could not be sent (%s)", inviteId, e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * Tells the student who sent an invite which account accepted it (name and email: the accept binds to the
     * token, not to the invited address), with a link to the family page where they can remove the link. Like the
     * invite, a failure of the mail server is logged and changes nothing else.
     */
    boolean sendAccepted(UUID inviteId, String to, String studentName, String invitedEmail, String parentName,
                         String parentEmail) {
        String student = studentName == null || studentName.isBlank() ? "there" : studentName;
        String parent = parentName == null || parentName.isBlank() ? "(no name)" : parentName;
        String parentAddress = parentEmail == null || parentEmail.isBlank() ? "no email address" : parentEmail;
        try {
            Templates.inviteAccepted(student, invitedEmail, parent, parentAddress, publicUrl + "/family")
                    .to(to)
                    .subject(parent.replaceAll("\\p{Cntrl}", " ") + " accepted your invite and is now linked to you")
                    .send()
                    .await().atMost(Duration.ofSeconds(30));
            LOG.infof("Emailed the acceptance of invite %s to its student", inviteId);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("The acceptance email for invite %s could not be sent (%s)", inviteId,
                    e.getClass().getSimpleName());
            return false;
        }
    }
}
