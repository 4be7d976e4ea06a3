package io.tutoring.notifications;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the settings and unsubscribe pages, English; templates use {@code {notify:key}}. */
@MessageBundle(value = "notify", locale = "en")
public interface NotificationsCopy {

    @Message("Settings")
    String settingsTitle();

    @Message("Choose when we email you about messages you have not read yet.")
    String settingsLead();

    @Message("Your settings are saved.")
    String saved();

    @Message("There is a problem")
    String errorSummary();

    @Message("Email about unread messages")
    String emailLegend();

    @Message("Soon after they arrive (at most one email every {minutes} minutes)")
    String emailBatched(long minutes);

    @Message("Once a day, as a summary")
    String emailDaily();

    @Message("Never")
    String emailOff();

    @Message("Time of the daily summary")
    String digestHour();

    @Message("Your time zone")
    String timeZone();

    @Message("Not chosen: pages use your browser's time zone, emails use UTC")
    String timeZoneNone();

    @Message("Quiet hours")
    String quietLegend();

    @Message("Do not email me during quiet hours; emails wait until they end.")
    String quietOn();

    @Message("From")
    String quietFrom();

    @Message("To")
    String quietTo();

    @Message("Quote the first lines of messages in emails")
    String showText();

    @Message("Turn this off if others can read your email.")
    String showTextHint();

    @Message("Office hours")
    String officeLegend();

    @Message("Parents see your office hours and usual reply time in each conversation.")
    String officeHint();

    @Message("from")
    String officeFrom();

    @Message("to")
    String officeTo();

    @Message("Usual reply time")
    String replyWithin();

    @Message("Not shown")
    String replyNone();

    @Message("Within {hours} hours")
    String replyHours(int hours);

    @Message("Save settings")
    String save();

    // --- Unsubscribe ---

    @Message("Unsubscribe")
    String unsubscribeTitle();

    @Message("Stop emails about unread messages")
    String unsubscribeHeading();

    @Message("You opened the unsubscribe link of one of our emails. Press the button to stop these emails. You "
            + "still see every message when you sign in.")
    String unsubscribeLead();

    @Message("Stop these emails")
    String unsubscribeButton();

    @Message("Done: we will not email you about unread messages any more. You can turn them back on in your "
            + "settings.")
    String unsubscribeDone();

    @Message("This link did not work. It may be incomplete or expired. Sign in and change your settings instead.")
    String unsubscribeFailed();

    @Message("This link has no token. Open the link from the email again, or sign in and change your settings.")
    String unsubscribeNoToken();

    @Message("This page needs JavaScript to read the link from your email. Without it, sign in and turn emails off "
            + "in your settings.")
    String unsubscribeNoScript();

    @Message("Go to settings")
    String goToSettings();
}
