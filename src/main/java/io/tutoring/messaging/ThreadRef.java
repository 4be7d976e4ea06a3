package io.tutoring.messaging;

import java.util.UUID;

/** A thread by its id and the three people it is between: what access checks and message views need of it. */
public record ThreadRef(UUID id, UUID parentId, UUID tutorId, UUID studentId) {
}
