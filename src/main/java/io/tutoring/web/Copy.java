package io.tutoring.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words on the pages, English. Templates use {@code {msg:key}}; Java gets them with
 * {@code MessageBundles.get(Copy.class)}. Add a locale with {@code src/main/resources/messages/msg_xx.properties}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Copy {

    @Message("Family messages")
    String product();

    @Message("Skip to main content")
    String skipToContent();

    @Message("Main")
    String navLabel();

    @Message("Messages")
    String navMessages();

    @Message("Family")
    String navFamily();

    @Message("Admin")
    String navAdmin();

    @Message("Settings")
    String navSettings();

    @Message("Signed in as {name}")
    String signedInAs(String name);

    @Message("Sign in")
    String signIn();

    @Message("Sign out")
    String signOut();

    @Message("A service of your tutoring platform. Only you, the tutor and the platform's support staff can read "
            + "these messages.")
    String footer();

    // --- Home, signed out ---

    @Message("Talk to your child's tutors, in one place")
    String homeTitle();

    @Message("Write to each of your child's tutors directly and privately. Every conversation is about one child "
            + "with one tutor, so nothing gets lost in a class chat.")
    String homeLead();

    @Message("You see when the tutor has read your message.")
    String homePointRead();

    @Message("You can send a photo or a PDF, such as homework or a school letter.")
    String homePointFiles();

    @Message("Your child links your account to theirs, so only their own parents can write about them.")
    String homePointLinks();

    @Message("Sign in with the account you use for the tutoring platform.")
    String homeSignInHint();

    // --- An account without a role ---

    @Message("Your account has no role yet")
    String noRoleTitle();

    @Message("Your sign-in worked, but the platform has not yet said whether you are a parent, a student or a "
            + "tutor. Please contact the platform's support; they can set it for you.")
    String noRoleText();

    // --- Errors: what happened and what to do next ---

    @Message("Something went wrong")
    String errorTitle();

    @Message("Error {status}")
    String errorCode(int status);

    @Message("Go to the start page")
    String errorHome();

    @Message("Go back to the previous page and try again.")
    String errorBack();

    @Message("We could not find that page")
    String error404Title();

    @Message("The link may be mistyped, or the page was removed. If someone sent you the link, it may belong to "
            + "another account.")
    String error404Text();

    @Message("This address does not work")
    String refusedAddressTitle();

    @Message("It may have been mistyped or cut short. Check the address, or go to the start page.")
    String refusedAddressText();

    @Message("You cannot open this page")
    String error403Title();

    @Message("Your account is not allowed to see this page. If you think it should be, contact the platform's "
            + "support.")
    String error403Text();

    @Message("That did not work")
    String error400Title();

    @Message("Something in the request was not right.")
    String error400Text();

    @Message("This was already done, or cannot be done now")
    String error409Title();

    @Message("The page may be out of date. Reload it to see the current state.")
    String error409Text();

    @Message("This is no longer available")
    String error410Title();

    @Message("It was used, withdrawn or has expired.")
    String error410Text();

    @Message("That is too large")
    String error413Title();

    @Message("Please choose something smaller and try again.")
    String error413Text();

    @Message("Too many tries")
    String error429Title();

    @Message("Please wait a few minutes, then try again.")
    String error429Text();

    @Message("That page does not accept this request")
    String error405Title();

    @Message("Open the page from the site's menu and try again.")
    String error405Text();

    @Message("Sorry, something went wrong on our side")
    String error500Title();

    @Message("Nothing you did caused this. Please try again in a few minutes. If it keeps happening, contact the "
            + "platform's support.")
    String error500Text();

    @Message("The service is busy or down for a moment")
    String error503Title();

    @Message("Please try again in a few minutes.")
    String error503Text();
}
