package io.tutoring.papertrail;

/** A timeline entry in words, for the PDF. */
final class Timeline {

    private Timeline() {
    }

    static String describe(TimelineEntry e) {
        String who = e.actor() == null ? "" : " by " + e.actor().name();
        return switch (e.type()) {
            case "INVITE" -> ("PARENT_INVITED_STUDENT".equals(e.invite()) ? "Invite from the parent to the student: "
                    : "Invite from the student to the parent: ") + e.action().toLowerCase() + who;
            case "LINK" -> "Parent-student link " + e.action().toLowerCase().replace('_', ' ') + who;
            case "ENROLLMENT" -> "Enrollment " + e.action().toLowerCase() + who;
            case "ADMIN_READ" -> "Admin read (" + e.action().toLowerCase().replace('_', ' ') + ")" + who;
            default -> e.type() + " " + e.action() + who;
        };
    }
}
