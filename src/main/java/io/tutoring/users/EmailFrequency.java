package io.tutoring.users;

/** How often a user is mailed about unread messages. */
public enum EmailFrequency {
    /** At most one mail per batching window, listing what is still unread. */
    BATCHED,
    /** One digest a day at the user's digest hour. */
    DAILY,
    /** No notification mail. */
    OFF
}
