package io.tutoring.invites;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the family page ({@code /family}) and the magic-link page ({@code /invite}), English. Templates use
 * {@code {family:key}}; the layout's words stay in {@code web/Copy} ({@code {msg:key}}).
 */
@MessageBundle(value = "family", locale = "en")
public interface FamilyCopy {

    // --- /family, both sides ---

    @Message("Family")
    String title();

    @Message("Remove")
    String remove();

    @Message("Revoke")
    String revoke();

    @Message("Linked since")
    String linkedSince();

    @Message("Sent")
    String sent();

    @Message("There is a problem")
    String errorSummary();

    @Message("Enter an email address in the right form, like name@example.com")
    String errorEmail();

    @Message("Enter an email address or a phone number")
    String errorEmailOrPhone();

    @Message("Enter the phone number with its country code, like +44 20 7946 0018")
    String errorPhone();

    // What happened, after a form was sent (a status message at the top of the page)
    @Message("Invite sent by email.")
    String doneParentInvited();

    @Message("Invite sent. Your child will see it when they sign in.")
    String doneStudentInvited();

    @Message("Invite sent again with a new link. The old link no longer works.")
    String doneResent();

    @Message("Invite revoked. Its link no longer works.")
    String doneRevoked();

    @Message("Confirmed: you are now linked.")
    String doneConfirmed();

    @Message("Invite declined. No link was made.")
    String doneDeclined();

    @Message("Link removed.")
    String doneRemoved();

    // Invite statuses
    @Message("Waiting for an answer")
    String statusPending();

    @Message("Expired")
    String statusExpired();

    @Message("Accepted")
    String statusAccepted();

    @Message("Revoked")
    String statusRevoked();

    @Message("Confirmed")
    String statusConfirmed();

    @Message("Declined")
    String statusDeclined();

    // --- /family, a student ---

    @Message("Link a parent")
    String studentInviteTitle();

    @Message("We email your parent a link. When they open it and sign in, they can message your tutors about you.")
    String studentInviteHint();

    @Message("Parent's email")
    String parentEmail();

    @Message("Send invite")
    String sendInvite();

    @Message("Invites you sent")
    String studentOutgoingTitle();

    @Message("You have not invited anyone yet.")
    String studentOutgoingNone();

    @Message("Resend")
    String resend();

    @Message("Resend the invite to {email}")
    String resendLabel(String email);

    @Message("Revoke the invite to {email}")
    String revokeLabel(String email);

    @Message("Accepted by {name}")
    String acceptedBy(String name);

    @Message("Works until")
    String expires();

    @Message("Invites from parents")
    String incomingTitle();

    @Message("{name} wants to be linked as your parent")
    String incomingFrom(String name);

    @Message("Confirm")
    String confirm();

    @Message("Decline")
    String decline();

    @Message("Confirm {name} as your parent")
    String confirmLabel(String name);

    @Message("Decline the invite from {name}")
    String declineLabel(String name);

    @Message("Your parents")
    String studentLinksTitle();

    @Message("No parent is linked yet. Invite one below.")
    String studentLinksNone();

    @Message("Remove {name}")
    String removeParentLabel(String name);

    @Message("Remove this parent? They will no longer see or send messages about you.")
    String removeParentConfirm();

    // --- /family, a parent ---

    @Message("Link your child")
    String parentInviteTitle();

    @Message("Give your child's email or the phone number of their account. They confirm the invite when they "
            + "sign in.")
    String parentInviteHint();

    @Message("Your child's email")
    String studentEmail();

    @Message("or their phone number")
    String studentPhone();

    @Message("With the country code, like +44 20 7946 0018")
    String studentPhoneHint();

    @Message("Your invites")
    String parentOutgoingTitle();

    @Message("You have not invited anyone yet.")
    String parentOutgoingNone();

    @Message("Answered by {name}")
    String answeredBy(String name);

    @Message("Revoke the invite to {address}")
    String revokeStudentLabel(String address);

    @Message("Your children")
    String parentLinksTitle();

    @Message("No child is linked yet. Invite your child below, or ask them to invite you.")
    String parentLinksNone();

    @Message("Remove {name}")
    String removeStudentLabel(String name);

    @Message("Remove this link? You will no longer see or send messages about this child.")
    String removeStudentConfirm();

    // --- /invite: the magic link ---

    @Message("Your invite")
    String inviteTitle();

    @Message("Reading your invite…")
    String inviteReading();

    @Message("{student} invited you to be linked as a parent")
    String invitePreview(String student);

    @Message("Once linked, you can message {student}'s tutors. {student} sees which account accepted and can "
            + "remove the link.")
    String inviteExplains(String student);

    @Message("This invite works until")
    String inviteUntil();

    @Message("Sign in to accept")
    String inviteSignIn();

    @Message("Sign in, or create an account, with the identity provider. You come back here to accept.")
    String inviteSignInHint();

    @Message("Accept and link")
    String inviteAccept();

    @Message("You are signed in as {name}, with an account that is not a parent account. Sign out, then open the "
            + "link again and sign in with your parent account.")
    String inviteNotParent(String name);

    @Message("This page needs JavaScript to read your invite")
    String inviteNoScriptTitle();

    @Message("The invite code is the part of the link after the # sign. Browsers never send that part to our "
            + "server, so only JavaScript on this page can read it. Turn JavaScript on and open the link again, or "
            + "paste the whole link below.")
    String inviteNoScript();

    @Message("Paste the invite link")
    String invitePasteTitle();

    @Message("Invite link or code")
    String invitePasteLabel();

    @Message("The whole link from the email, starting with https://")
    String invitePasteHint();

    @Message("Show the invite")
    String invitePasteSubmit();

    @Message("Paste the link from the email")
    String invitePasteMissing();

    @Message("This invite link is not valid")
    String deadInvalidTitle();

    @Message("The link may have been cut short or changed on its way. Open it again from the email, or copy the "
            + "whole link and paste it below. If it still does not work, ask your child to send a new invite from "
            + "their Family page.")
    String deadInvalid();

    @Message("This invite has expired")
    String deadExpiredTitle();

    @Message("Invites work for a few days only. Ask your child to send it again from their Family page; you will "
            + "get a new email.")
    String deadExpired();

    @Message("This invite was withdrawn")
    String deadRevokedTitle();

    @Message("Your child withdrew this invite. If that was a mistake, ask them to send a new one from their Family "
            + "page.")
    String deadRevoked();

    @Message("This invite has already been used")
    String deadUsedTitle();

    @Message("Each invite link works once. If you accepted it, you are linked: go to your messages. If not, ask "
            + "your child to send a new invite.")
    String deadUsed();

    @Message("Go to your messages")
    String toMessages();

    @Message("You are already linked")
    String alreadyLinkedTitle();

    @Message("Your account is already linked to this child. The invite is still open for the parent it was meant "
            + "for.")
    String alreadyLinked();

    @Message("You cannot accept your own invite")
    String ownInviteTitle();

    @Message("This invite is for your parent. Send them the email, or ask them to open the link and sign in with "
            + "their own account.")
    String ownInvite();
}
