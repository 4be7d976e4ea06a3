package io.tutoring.notifications;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tutoring.users.EmailFrequency;
import io.tutoring.users.NotificationSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The notification mail: a text and an HTML part (Qute, {@code templates/NoticeMail/}), one entry per thread with new
 * messages (student, who wrote, how many, the first lines unless the reader turned text off), each linking to
 * {@code <public-url>/threads/{id}}; the RFC 8058 one-click unsubscribe headers; never an empty header.
 */
@ApplicationScoped
public class NoticeMail {

    /** Messages quoted per thread, and characters per quoted line. */
    static final int QUOTED_MESSAGES = 3;
    static final int QUOTED_LENGTH = 160;

    /** One thread of the mail. */
    public record Entry(String studentName, String senderName, int count, List<String> lines, String link) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance text(String subject, boolean digest, List<Entry> threads, String settings,
                                            String unsubscribe);

        static native TemplateInstance html(String subject, boolean digest, List<Entry> threads, String settings,
                                            String unsubscribe);
    }

    private final String publicUrl;
    private final UnsubscribeTokens tokens;
    public NoticeMail(NotificationsConfig config, UnsubscribeTokens tokens) {
        String url = config.publicUrl().trim();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.tokens = tokens;
    }

    /**
     * The mail. Known gap: Quarkus' mailer hands Vert.x empty Cc/Bcc lists, which Vert.x writes as an empty
     * {@code Cc:} header (sending through the Vert.x client directly avoided it but hung against GreenMail in tests).
     */
    Mail compose(String to, NotificationSettings settings, List<NoticeQueries.Queued> notices) {
        Map<UUID, List<NoticeQueries.Queued>> byThread = new LinkedHashMap<>();
        notices.forEach(n -> byThread.computeIfAbsent(n.threadId(), t -> new ArrayList<>()).add(n));
        List<Entry> entries = new ArrayList<>();
        byThread.forEach((thread, list) -> {
            List<String> lines = settings.showMessageText()
                    ? list.stream().limit(QUOTED_MESSAGES).map(n -> firstLine(n.body())).toList() : List.of();
            NoticeQueries.Queued first = list.get(0);
            entries.add(new Entry(name(first.studentName()), name(first.senderName()), list.size(), lines,
                    publicUrl + "/threads/" + thread));
        });
        boolean digest = settings.email() == EmailFrequency.DAILY;
        String subject = subject(entries, notices.size(), digest);
        String token = tokens.sign(settings.userId(), MailKind.MESSAGES);
        String unsubscribe = publicUrl + "/unsubscribe#token=" + token;
        String settingsLink = publicUrl + "/settings";
        return Mail.withText(to, subject,
                        Templates.text(subject, digest, entries, settingsLink, unsubscribe).render())
                .setHtml(Templates.html(subject, digest, entries, settingsLink, unsubscribe).render())
                .addHeader("List-Unsubscribe", "<" + oneClick(publicUrl, token) + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /**
     * The RFC 8058 URI: the provider POSTs {@code List-Unsubscribe=One-Click} to it without cookies and without the
     * fragment (HTTP clients never send one), so the token is in the query for {@link OneClickUnsubscribe}; the
     * fragment copy is for a reader whose mail client opens the URI in a browser, where the page reads it.
     */
    static String oneClick(String publicUrl, String token) {
        return publicUrl + "/unsubscribe?token=" + token + "#token=" + token;
    }

    static String subject(List<Entry> entries, int total, boolean digest) {
        String what;
        if (entries.size() == 1) {
            Entry e = entries.get(0);
            what = (total == 1 ? "New message" : total + " new messages") + " from " + e.senderName() + " about "
                    + e.studentName();
        } else {
            what = total + " new messages in " + entries.size() + " conversations";
        }
        return digest ? "Daily summary: " + what : what;
    }

    /** The first non-blank line of a message, cut to {@link #QUOTED_LENGTH} characters. */
    static String firstLine(String body) {
        String line = body.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (line.length() > QUOTED_LENGTH) {
            int cut = QUOTED_LENGTH;
            if (Character.isHighSurrogate(line.charAt(cut - 1))) {
                cut--;
            }
            line = line.substring(0, cut) + "…";
        }
        boolean more = body.strip().lines().filter(l -> !l.isBlank()).count() > 1;
        return more && !line.endsWith("…") ? line + " …" : line;
    }

    private static String name(String name) {
        return name == null || name.isBlank() ? "Someone" : name;
    }
}
