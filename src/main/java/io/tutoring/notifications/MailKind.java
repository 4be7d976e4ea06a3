package io.tutoring.notifications;

import java.util.Locale;

/** The kinds of notification mail; an unsubscribe token names one. */
public enum MailKind {
    /** "You have unread messages", batched or as the daily digest. */
    MESSAGES;

    String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MailKind ofToken(String value) {
        for (MailKind kind : values()) {
            if (kind.token().equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
