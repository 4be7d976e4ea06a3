package io.tutoring.invites;

import io.tutoring.common.Time;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The history of invites of both kinds: who invited, resent, confirmed, declined, accepted or revoked, and when. */
@ApplicationScoped
public class InviteEvents {

    public enum Action { INVITED, RESENT, CONFIRMED, DECLINED, ACCEPTED, REVOKED }

    private final EntityManager em;

    public InviteEvents(EntityManager em) {
        this.em = em;
    }

    /** Records one step; joins the caller's transaction. */
    void record(UUID inviteId, Action action, UUID actorId, Instant at) {
        em.createNativeQuery("insert into invite_event (id, invite_id, action, actor_id, at)"
                        + " values (:id, :invite, :action, :actor, :at)")
                .setParameter("id", UUID.randomUUID())
                .setParameter("invite", inviteId)
                .setParameter("action", action.name())
                .setParameter("actor", actorId)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** The history of each of the invites, oldest step first, in one query. */
    @SuppressWarnings("unchecked")
    Map<UUID, List<InviteViews.Event>> of(Collection<UUID> inviteIds) {
        Map<UUID, List<InviteViews.Event>> byInvite = new HashMap<>();
        if (inviteIds.isEmpty()) {
            return byInvite;
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select e.invite_id, e.action, e.actor_id, u.name, e.at
                          from invite_event e left join app_user u on u.id = e.actor_id
                         where e.invite_id in (:ids)
                         order by e.invite_id, e.at, e.id""")
                .setParameter("ids", inviteIds)
                .getResultList();
        for (Object[] r : rows) {
            UserRef actor = r[2] == null ? null : new UserRef((UUID) r[2], (String) r[3]);
            byInvite.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new InviteViews.Event((String) r[1], actor, Time.instant(r[4])));
        }
        return byInvite;
    }
}
