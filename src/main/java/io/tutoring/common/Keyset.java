package io.tutoring.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Keyset paging, newest first, for lists keyed by (a time, an id): appends the "after the cursor" condition, the
 * order and a limit of {@code limit + 1} rows (see {@link Page#of}) to a query whose WHERE clause is already open.
 */
public final class Keyset {

    private Keyset() {
    }

    public static Query newestFirst(EntityManager em, StringBuilder sql, String timeColumn, String idColumn,
                                    Cursor after, int limit) {
        append(sql, timeColumn, idColumn, after);
        Query q = em.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (after != null) {
            q.setParameter("cAt", after.at()).setParameter("cId", after.id());
        }
        return q;
    }

    /** The same, as a plain JDBC statement (see {@link Sql}). */
    public static Sql.Statement newestFirst(Sql db, StringBuilder sql, String timeColumn, String idColumn,
                                           Cursor after, int limit) {
        append(sql, timeColumn, idColumn, after);
        Sql.Statement q = db.query(sql.toString()).bind("limit", limit + 1);
        if (after != null) {
            q.bind("cAt", after.at()).bind("cId", after.id());
        }
        return q;
    }

    private static void append(StringBuilder sql, String timeColumn, String idColumn, Cursor after) {
        if (after != null) {
            sql.append(" and (").append(timeColumn).append(", ").append(idColumn).append(") < (:cAt, :cId)");
        }
        sql.append(" order by ").append(timeColumn).append(" desc, ").append(idColumn).append(" desc limit :limit");
    }
}
