package io.tutoring.admin;

import io.tutoring.common.Cursor;
import io.tutoring.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The statements of the admin feature: the audit list. (Thread lists for admins are in ThreadQueries.) */
@ApplicationScoped
public class AdminQueries {

    /** Audit entries with the admin's name; the filters and the keyset follow. */
    private static final String AUDIT = """
            select a.id, a.admin_id, u.name as admin_name, a.thread_id, a.action, a.at
              from admin_audit a join app_user u on u.id = a.admin_id
             where true""";

    private final Sql sql;

    public AdminQueries(Sql sql) {
        this.sql = sql;
    }

    /** Newest first, {@code limit + 1} rows; all threads, or one. */
    List<AdminService.AuditEntry> audit(UUID threadId, Cursor after, int limit) {
        String text = threadId == null ? AUDIT : AUDIT + "\n   and a.thread_id = :thread";
        return sql.newestFirst(text, "a.at", "a.id", after, limit)
                .bind("thread", threadId)
                .list(rs -> new AdminService.AuditEntry(Sql.uuid(rs, "id"), Sql.uuid(rs, "admin_id"),
                        rs.getString("admin_name"), Sql.uuid(rs, "thread_id"), rs.getString("action"),
                        Sql.instant(rs, "at")));
    }
}
