package io.tutoring.admin;

import io.tutoring.common.Cursor;
import io.tutoring.common.Sql;
import io.tutoring.users.Role;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The statements of the admin feature: the audit list, the people an admin looks threads up by, and the names of a
 * thread's three people. (Thread lists for admins are in ThreadQueries.)
 */
@ApplicationScoped
public class AdminQueries {

    /** Audit entries with the admin's name and the names of the thread's people; the filters and the keyset follow. */
    private static final String AUDIT = """
            select a.id, a.admin_id, u.name as admin_name, a.thread_id, a.action, a.at,
                   t.parent_id, p.name as parent_name, t.tutor_id, tu.name as tutor_name,
                   t.student_id, s.name as student_name
              from admin_audit a join app_user u on u.id = a.admin_id
                   join thread t on t.id = a.thread_id
                   join app_user p on p.id = t.parent_id
                   join app_user tu on tu.id = t.tutor_id
                   join app_user s on s.id = t.student_id
             where true""";

    /**
     * Parents, tutors and students whose name or email contains the words looked for, case-insensitively. A scan of
     * app_user (no index serves an infix match); an admin's occasional look-up, not a hot path.
     */
    private static final String PEOPLE = """
            select id, name, email, roles
              from app_user
             where roles && cast('{PARENT,TUTOR,STUDENT}' as text[])
               and (lower(name) like :pattern or lower(email) like :pattern)
             order by lower(coalesce(name, email)), id
             limit :limit""";

    /** The three people of a thread, by name. */
    private static final String SUMMARY = """
            select t.id as thread_id, t.parent_id, p.name as parent_name, t.tutor_id, tu.name as tutor_name,
                   t.student_id, s.name as student_name
              from thread t join app_user p on p.id = t.parent_id
                   join app_user tu on tu.id = t.tutor_id
                   join app_user s on s.id = t.student_id
             where t.id = :thread""";

    private final Sql sql;

    public AdminQueries(Sql sql) {
        this.sql = sql;
    }

    /** Newest first, {@code limit + 1} rows; all threads, or one. */
    List<AdminService.AuditLine> audit(UUID threadId, Cursor after, int limit) {
        String text = threadId == null ? AUDIT : AUDIT + "\n   and a.thread_id = :thread";
        return sql.newestFirst(text, "a.at", "a.id", after, limit)
                .bind("thread", threadId)
                .list(rs -> new AdminService.AuditLine(
                        new AdminService.AuditEntry(Sql.uuid(rs, "id"), Sql.uuid(rs, "admin_id"),
                                rs.getString("admin_name"), Sql.uuid(rs, "thread_id"), rs.getString("action"),
                                Sql.instant(rs, "at")),
                        summary(rs)));
    }

    /** At most {@code limit} parents, tutors and students whose name or email contains {@code words}. */
    List<AdminService.Person> people(String words, int limit) {
        String pattern = "%" + words.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return sql.query(PEOPLE).bind("pattern", pattern).bind("limit", limit)
                .list(rs -> new AdminService.Person(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("email"),
                        roles(rs.getArray("roles"))));
    }

    Optional<AdminService.ThreadSummary> summary(UUID threadId) {
        return sql.query(SUMMARY).bind("thread", threadId).first(AdminQueries::summary);
    }

    private static AdminService.ThreadSummary summary(ResultSet rs) throws SQLException {
        return new AdminService.ThreadSummary(Sql.uuid(rs, "thread_id"),
                new UserRef(Sql.uuid(rs, "parent_id"), rs.getString("parent_name")),
                new UserRef(Sql.uuid(rs, "tutor_id"), rs.getString("tutor_name")),
                new UserRef(Sql.uuid(rs, "student_id"), rs.getString("student_name")));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : (Object[]) array.getArray()) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
