package io.tutoring.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the admin pages, English. Templates use {@code {adminMsg:key}}. */
@MessageBundle(value = "adminMsg", locale = "en")
public interface AdminCopy {

    @Message("Admin sections")
    String sectionsLabel();

    @Message("Conversations")
    String threadsNav();

    @Message("Audit of reads")
    String auditNav();

    // --- /admin: find threads ---

    @Message("Find conversations")
    String threadsTitle();

    @Message("Look up a parent, tutor or student, then open one of their conversations. Opening a conversation is "
            + "recorded.")
    String threadsLead();

    @Message("Name or email of a parent, tutor or student")
    String searchLabel();

    @Message("For example Priya, or priya@example.org")
    String searchHint();

    @Message("Search")
    String searchButton();

    @Message("People matching “{words}”")
    String peopleTitle(String words);

    @Message("No parent, tutor or student matches “{words}”. Check the spelling, or try part of the name or email.")
    String peopleNone(String words);

    @Message("Showing the first {count}. Type more of the name or email to narrow the list.")
    String peopleMore(int count);

    @Message("Parent")
    String roleParent();

    @Message("Tutor")
    String roleTutor();

    @Message("Student")
    String roleStudent();

    @Message("Conversations as parent")
    String threadsAsParent();

    @Message("Conversations as tutor")
    String threadsAsTutor();

    @Message("Conversations about this student")
    String threadsAsStudent();

    @Message("Latest conversations")
    String latestTitle();

    @Message("Conversations of {name}, as parent")
    String ofParentTitle(String name);

    @Message("Conversations of {name}, as tutor")
    String ofTutorTitle(String name);

    @Message("Conversations about {name}")
    String ofStudentTitle(String name);

    @Message("Show the latest conversations of everyone")
    String clearFilter();

    @Message("No conversations yet.")
    String threadsNone();

    @Message("About {student}")
    String threadStudent(String student);

    @Message("Parent: {name}")
    String threadParent(String name);

    @Message("Tutor: {name}")
    String threadTutor(String name);

    @Message("Last message")
    String lastMessage();

    @Message("Read the conversation about {student} between {parent} and {tutor}")
    String readThreadLabel(String student, String parent, String tutor);

    @Message("Read")
    String readThread();

    @Message("Older conversations")
    String olderThreads();

    // --- /admin/threads/{id}: read a thread ---

    @Message("This read is recorded and the family can see it")
    String bannerTitle();

    @Message("Your name and the time are added to the audit of admin reads, and the parent and the tutor see "
            + "them in the conversation's history. Reading here does not mark messages as read.")
    String bannerText();

    @Message("{student} with {tutor}")
    String threadTitle(String student, String tutor);

    @Message("Parent: {parent} · Tutor: {tutor} · Student: {student}")
    String threadPeople(String parent, String tutor, String student);

    @Message("Messages, oldest first")
    String messagesLabel();

    @Message("Older messages")
    String olderMessages();

    @Message("Latest messages")
    String latestMessages();

    @Message("No messages in this conversation.")
    String messagesNone();

    @Message("{name} (parent)")
    String fromParent(String name);

    @Message("{name} (tutor)")
    String fromTutor(String name);

    @Message("Attachment: {fileName} ({size})")
    String attachment(String fileName, String size);

    @Message("Read by the other side")
    String readAt();

    @Message("Not read yet by the other side")
    String unread();

    @Message("Who has read this conversation")
    String threadAudit();

    @Message("Back to conversations")
    String backToThreads();

    // --- /admin/audit ---

    @Message("Audit of admin reads")
    String auditTitle();

    @Message("Every time an admin opened a conversation or one of its attachments, newest first.")
    String auditLead();

    @Message("Reads of one conversation")
    String auditOfThreadTitle();

    @Message("Show the reads of every conversation")
    String auditAll();

    @Message("When")
    String auditWhen();

    @Message("Admin")
    String auditWho();

    @Message("Conversation")
    String auditThread();

    @Message("What")
    String auditWhat();

    @Message("Read the messages")
    String actionReadMessages();

    @Message("Opened an attachment")
    String actionReadAttachment();

    @Message("No admin has read a conversation yet.")
    String auditNone();

    @Message("Older entries")
    String olderEntries();
}
