package io.tutoring.messaging;

import io.tutoring.enrollments.Enrollments;
import io.tutoring.links.Links;
import io.tutoring.users.Caller;
import io.tutoring.users.Role;
import io.tutoring.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The people of the browser tests, set up through the services (the browser profile has no token issuer for the
 * admin API). Someone who signs in on the dev service's login page is the user whose subject is the name typed
 * there, so registering that subject first lets the test link and enroll them before they sign in; their name
 * becomes the capitalized login name (the dev service's {@code name} claim).
 */
@ApplicationScoped
public class PageCast {

    /** A registered person: the id, the subject to sign in with, and the roles. */
    public record Member(UUID id, String subject, String name, Set<Role> roles) {

        public Caller caller() {
            return new Caller(id, roles);
        }
    }

    private final UserDirectory users;
    private final Enrollments enrollments;
    private final Links links;
    private final MessagingService messaging;

    public PageCast(UserDirectory users, Enrollments enrollments, Links links, MessagingService messaging) {
        this.users = users;
        this.enrollments = enrollments;
        this.links = links;
        this.messaging = messaging;
    }

    /** Someone who will sign in as {@code login}: their name will be the login name, capitalized. */
    public Member signsInAs(String login, Role... roles) {
        return register(login, Character.toUpperCase(login.charAt(0)) + login.substring(1), roles);
    }

    public Member register(String subject, String name, Role... roles) {
        Set<Role> set = EnumSet.copyOf(Arrays.asList(roles));
        UUID id = users.register(subject, subject.replaceAll("[^A-Za-z0-9.-]", "") + "@example.org", name, null,
                UserDirectory.rolesLiteral(set));
        return new Member(id, subject, name, set);
    }

    /** A parent (who will sign in as their subject) linked to a student whom the tutor teaches. */
    public record Family(Member parent, Member student, Member tutor) {
    }

    public Family family(String studentName, String tutorName) {
        Member parent = signsInAs("parent-" + unique(), Role.PARENT);
        Member student = register("student-" + unique(), studentName, Role.STUDENT);
        Member tutor = register("tutor-" + unique(), tutorName, Role.TUTOR);
        enroll(student, tutor);
        link(parent, student);
        return new Family(parent, student, tutor);
    }

    public void enroll(Member student, Member tutor) {
        enrollments.enroll(student.id(), tutor.id());
    }

    /** Links them as a parent's accepted magic link does: the parent is the one who acted. */
    public void link(Member parent, Member student) {
        links.link(parent.id(), student.id(), Links.Action.CREATED_BY_INVITE, parent.id());
    }

    /** Sends as the parent (to the tutor) or as the tutor (to the student's linked parent); the message. */
    public MessageView send(Member from, Member tutor, Member student, Member parent, String text) {
        boolean asTutor = from.id().equals(tutor.id());
        return messaging.send(from.caller(), new SendMessageRequest(tutor.id(), student.id(), text, null,
                asTutor ? parent.id() : null));
    }

    /** Opens the thread as this person (stamps the other side's messages read). */
    public void open(Member who, UUID threadId) {
        messaging.open(who.caller(), threadId, null, 20);
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
