package io.tutoring.users;

/** The roles a token can carry. Names are the values in the roles claim. */
public enum Role {
    PARENT, TUTOR, STUDENT, ADMIN;

    public static final String PARENT_NAME = "PARENT";
    public static final String TUTOR_NAME = "TUTOR";
    public static final String STUDENT_NAME = "STUDENT";
    public static final String ADMIN_NAME = "ADMIN";
}
