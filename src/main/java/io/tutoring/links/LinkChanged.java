package io.tutoring.links;

import java.util.UUID;

/**
 * A parent–student link was created ({@code active}) or removed. Fired synchronously inside the transaction that
 * changed it, so observers commit or roll back with the change.
 */
public record LinkChanged(UUID parentId, UUID studentId, boolean active, Links.Action action, UUID actorId) {
}
