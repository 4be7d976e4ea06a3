package io.tutoring.invites;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The history of invites of both kinds: who invited, resent, confirmed, declined, accepted or revoked, and when. */
@ApplicationScoped
public class InviteEvents {

    public enum Action { INVITED, RESENT, CONFIRMED, DECLINED, ACCEPTED, REVOKED }

    private final InviteQueries queries;

    public InviteEvents(InviteQueries queries) {
        this.queries = queries;
    }

    /** Records one step; joins the caller's transaction. */
    void record(UUID inviteId, Action action, UUID actorId, Instant at) {
        queries.recordEvent(inviteId, action, actorId, at);
    }

    /** The history of each of the invites, oldest step first, in one query. */
    Map<UUID, List<InviteViews.Event>> of(Collection<UUID> inviteIds) {
        return queries.events(inviteIds);
    }
}
