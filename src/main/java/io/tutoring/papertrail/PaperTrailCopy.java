package io.tutoring.papertrail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the paper trail's pages (a thread's history, its downloads), English: {@code {trailMsg:key}}. */
@MessageBundle(value = "trailMsg", locale = "en")
public interface PaperTrailCopy {

    @Message("History of {student} with {other}")
    String historyTitle(String student, String other);

    @Message("Back to the conversation")
    String backToThread();

    @Message("Who invited whom, who linked and unlinked, when the lessons started and ended, and every time an "
            + "administrator read this conversation. Times are in your time zone.")
    String historyIntro();

    @Message("Nothing has happened yet.")
    String empty();

    @Message("When")
    String when();

    @Message("What")
    String what();

    @Message("Who")
    String who();

    @Message("Administrator reads")
    String adminReads();

    @Message("No administrator has read this conversation.")
    String noAdminReads();

    @Message("Administrator reads of this conversation: {count}. Each is listed below, with the administrator's name.")
    String adminReadCount(long count);

    @Message("Keep a copy")
    String downloads();

    @Message("The JSON file is the record that anyone can verify; the PDF is its printout.")
    String downloadsHint();

    @Message("Download (PDF)")
    String downloadPdf();

    @Message("Download (JSON)")
    String downloadJson();

    // --- Timeline entries ---

    @Message("{parent} invited {student} to link their accounts")
    String parentInvited(String parent, String student);

    @Message("{student} invited {parent} to link their accounts")
    String studentInvited(String student, String parent);

    @Message("The invitation was sent again")
    String inviteResent();

    @Message("The invitation was confirmed")
    String inviteConfirmed();

    @Message("The invitation was accepted")
    String inviteAccepted();

    @Message("The invitation was declined")
    String inviteDeclined();

    @Message("The invitation was withdrawn")
    String inviteRevoked();

    @Message("The invitation: {action}")
    String inviteOther(String action);

    @Message("Parent and student were linked by an administrator")
    String linkCreatedByAdmin();

    @Message("Parent and student were linked through the invitation")
    String linkCreatedByInvite();

    @Message("An administrator removed the link between parent and student")
    String linkRemovedByAdmin();

    @Message("The parent removed the link to the student")
    String linkRemovedByParent();

    @Message("The student removed the link to the parent")
    String linkRemovedByStudent();

    @Message("The link between parent and student: {action}")
    String linkOther(String action);

    @Message("Lessons with the tutor started")
    String enrollmentStarted();

    @Message("Lessons with the tutor ended")
    String enrollmentEnded();

    @Message("Enrollment: {action}")
    String enrollmentOther(String action);

    @Message("An administrator read the messages")
    String adminReadMessages();

    @Message("An administrator opened an attachment")
    String adminReadAttachment();

    @Message("An administrator exported the conversation")
    String adminExport();

    @Message("An administrator read the conversation ({action})")
    String adminOther(String action);

    @Message("—")
    String nobody();
}
