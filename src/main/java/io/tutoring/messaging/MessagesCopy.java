package io.tutoring.messaging;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the messaging pages (the thread list, a new thread, a conversation), English: {@code {messagesMsg:key}}. */
@MessageBundle(value = "messagesMsg", locale = "en")
public interface MessagesCopy {

    // --- The thread list ---

    @Message("Messages")
    String listTitle();

    @Message("Write a new message")
    String newMessage();

    @Message("No conversations yet.")
    String noThreads();

    @Message("Nothing matches these filters.")
    String noMatches();

    @Message("About {student}")
    String about(String student);

    @Message("with {other}")
    String with(String other);

    @Message("{count} unread")
    String unread(long count);

    @Message("You:")
    String you();

    @Message("Attachment")
    String attachmentOnly();

    @Message("Last message")
    String lastMessageAt();

    @Message("Pinned")
    String pinnedBadge();

    @Message("Snoozed until {until}")
    String snoozedUntil(String until);

    @Message("Older conversations")
    String olderThreads();

    @Message("Conversations")
    String threadsLabel();

    // --- Filters ---

    @Message("Filter conversations")
    String filters();

    @Message("Student")
    String filterStudent();

    @Message("All students")
    String allStudents();

    @Message("Only unread")
    String filterUnread();

    @Message("Show")
    String filterShow();

    @Message("Inbox")
    String showInbox();

    @Message("Only pinned")
    String showPinned();

    @Message("Snoozed")
    String showSnoozed();

    @Message("Apply filters")
    String applyFilters();

    @Message("Clear filters")
    String clearFilters();

    // --- Tutor controls ---

    @Message("Pin")
    String pin();

    @Message("Unpin")
    String unpin();

    @Message("Snooze")
    String snooze();

    @Message("Snooze the conversation about {student} with {other}")
    String snoozeLegend(String student, String other);

    @Message("Tomorrow morning")
    String snoozeTomorrow();

    @Message("Next week")
    String snoozeNextWeek();

    @Message("Until a date (8:00 that morning)")
    String snoozeDate();

    @Message("Snooze until this date")
    String snoozeUntilDate();

    @Message("Wake now")
    String wake();

    @Message("Choose a date for the snooze.")
    String snoozeNeedsDate();

    // --- A new thread ---

    @Message("New message")
    String composeTitle();

    @Message("Step 1 of 2: choose the student this message is about.")
    String composeStep1();

    @Message("Step 2 of 2: choose who to write to and write your message.")
    String composeStep2();

    @Message("Student")
    String composeStudent();

    @Message("Choose a student")
    String chooseStudent();

    @Message("Next")
    String next();

    @Message("Tutor")
    String composeTutor();

    @Message("Parent")
    String composeParent();

    @Message("Choose…")
    String chooseRecipient();

    @Message("Nobody to write to about this student yet.")
    String noRecipients();

    @Message("There is nobody you can write to yet. A student links your account to theirs from their Family page, "
            + "and the platform enrolls students with their tutors.")
    String noContacts();

    @Message("Message")
    String composeMessage();

    @Message("Send")
    String send();

    @Message("There is a problem")
    String errorSummary();

    @Message("Choose a student.")
    String errorStudent();

    @Message("Choose who to write to.")
    String errorRecipient();

    @Message("Write a message.")
    String errorEmpty();

    @Message("Back to messages")
    String backToList();

    // --- A conversation ---

    @Message("{student} with {other}")
    String threadTitle(String student, String other);

    @Message("A conversation about {student} with {other}.")
    String threadLead(String student, String other);

    @Message("Older messages")
    String olderMessages();

    @Message("You")
    String youSender();

    @Message("Read {time}")
    String readAt(String time);

    @Message("Sent")
    String sent();

    @Message("Read")
    String read();

    @Message("Reply")
    String reply();

    @Message("Your message")
    String replyLabel();

    @Message("Attach one image (JPEG, PNG, GIF, WebP) or PDF, up to 10 MB")
    String attachLabel();

    @Message("Attaching a file needs JavaScript; without it your message is still sent, without a file.")
    String attachNoJs();

    @Message("Opens in a new tab")
    String opensInNewTab();

    @Message("Preview of {fileName}")
    String previewOf(String fileName);

    @Message("No messages yet.")
    String noMessages();

    @Message("New messages appear here as they arrive.")
    String liveHint();

    @Message("Uploading the file…")
    String uploading();

    @Message("The file could not be uploaded. Try again, or remove it and send the message without it.")
    String uploadFailed();

    @Message("This kind of file cannot be attached. Choose an image (JPEG, PNG, GIF, WebP) or a PDF.")
    String wrongType();

    @Message("This file is larger than 10 MB. Choose a smaller one.")
    String tooLarge();

    // --- The paper trail on a conversation ---

    @Message("Ask for an acknowledgement")
    String requestAck();

    @Message("The other side is asked to confirm explicitly that they have read it.")
    String requestAckHint();

    @Message("Please acknowledge")
    String pleaseAck();

    @Message("Acknowledge")
    String ack();

    @Message("Acknowledgement requested")
    String ackRequested();

    @Message("Acknowledged")
    String acked();

    @Message("Paper trail")
    String paperTrail();

    @Message("History (who linked, who read)")
    String history();

    @Message("Download (PDF)")
    String downloadPdf();

    @Message("Download (JSON)")
    String downloadJson();
}
