package io.tutoring.messaging;

/** Which side of a thread wrote a message. */
public enum SenderRole {
    PARENT, TUTOR;

    public SenderRole other() {
        return this == PARENT ? TUTOR : PARENT;
    }
}
