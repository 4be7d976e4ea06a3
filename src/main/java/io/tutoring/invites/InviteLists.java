package io.tutoring.invites;

import io.tutoring.common.Cursor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Keyset paging shared by the invite lists: newest first on (created_at, id) of the alias {@code i}. */
final class InviteLists {

    private InviteLists() {
    }

    static Query keyset(EntityManager em, StringBuilder sql, Cursor after, int limit) {
        if (after != null) {
            sql.append(" and (i.created_at, i.id) < (:cAt, :cId)");
        }
        sql.append(" order by i.created_at desc, i.id desc limit :limit");
        Query q = em.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (after != null) {
            q.setParameter("cAt", after.at()).setParameter("cId", after.id());
        }
        return q;
    }
}
