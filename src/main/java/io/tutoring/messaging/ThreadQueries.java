package io.tutoring.messaging;

import io.tutoring.common.Cursor;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The read side of threads: each list is one SQL statement that walks an index in list order, joins the three
 * names and the last message (and its attachment) by primary key, and counts unread messages from the partial
 * index of unread rows.
 */
@ApplicationScoped
public class ThreadQueries {

    private static final String SELECT = """
            select t.id, t.parent_id, p.name, t.tutor_id, tu.name, t.student_id, s.name,
                   m.id, m.sender_role, m.body, m.created_at, m.read_at,
                   %s as unread, t.pinned, t.snoozed_until, t.last_message_at,
                   a.id, a.file_name, a.content_type, a.size
              from thread t
              join app_user p on p.id = t.parent_id
              join app_user tu on tu.id = t.tutor_id
              join app_user s on s.id = t.student_id
              left join message m on m.id = t.last_message_id
              left join attachment a on a.id = m.attachment_id
            """;

    private static final String UNREAD = """
            (select count(*) from message u
              where u.thread_id = t.id and u.read_at is null and u.sender_role = '%s')""";

    private final EntityManager em;

    public ThreadQueries(EntityManager em) {
        this.em = em;
    }

    /** A tutor's threads: pinned first, then by latest activity; snoozed threads are left out until they wake. */
    public List<ThreadView> forTutor(UUID tutorId, Instant now, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT.formatted(UNREAD.formatted(SenderRole.PARENT)))
                .append(" where t.tutor_id = :me and (t.snoozed_until is null or t.snoozed_until <= :now)");
        if (after != null) {
            sql.append(" and (t.pinned, t.last_message_at, t.id) < (:cPinned, :cAt, :cId)");
        }
        sql.append(" order by t.pinned desc, t.last_message_at desc, t.id desc limit :limit");
        Query q = em.createNativeQuery(sql.toString())
                .setParameter("me", tutorId)
                .setParameter("now", now)
                .setParameter("limit", limit + 1);
        if (after != null) {
            q.setParameter("cPinned", after.flag()).setParameter("cAt", after.at()).setParameter("cId", after.id());
        }
        return map(q, true);
    }

    /** A parent's threads about students they are still linked to, by latest activity. */
    public List<ThreadView> forParent(UUID parentId, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT.formatted(UNREAD.formatted(SenderRole.TUTOR)))
                .append(" where t.parent_id = :me and exists (select 1 from parent_student_link l")
                .append(" where l.parent_id = t.parent_id and l.student_id = t.student_id)");
        return activityOrdered(sql, after, limit, q -> q.setParameter("me", parentId), false);
    }

    /** Any threads, filtered by any of parent, tutor and student, by latest activity (admins). */
    public List<ThreadView> forAdmin(UUID parentId, UUID tutorId, UUID studentId, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT.formatted("null")).append(" where true");
        if (parentId != null) {
            sql.append(" and t.parent_id = :parent");
        }
        if (tutorId != null) {
            sql.append(" and t.tutor_id = :tutor");
        }
        if (studentId != null) {
            sql.append(" and t.student_id = :student");
        }
        return activityOrdered(sql, after, limit, q -> {
            if (parentId != null) {
                q.setParameter("parent", parentId);
            }
            if (tutorId != null) {
                q.setParameter("tutor", tutorId);
            }
            if (studentId != null) {
                q.setParameter("student", studentId);
            }
        }, false);
    }

    private List<ThreadView> activityOrdered(StringBuilder sql, Cursor after, int limit,
                                             java.util.function.Consumer<Query> bind, boolean tutorView) {
        if (after != null) {
            sql.append(" and (t.last_message_at, t.id) < (:cAt, :cId)");
        }
        sql.append(" order by t.last_message_at desc, t.id desc limit :limit");
        Query q = em.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        bind.accept(q);
        if (after != null) {
            q.setParameter("cAt", after.at()).setParameter("cId", after.id());
        }
        return map(q, tutorView);
    }

    @SuppressWarnings("unchecked")
    private static List<ThreadView> map(Query q, boolean tutorView) {
        List<Object[]> rows = q.getResultList();
        List<ThreadView> views = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            MessageView.AttachmentView attachment = r[16] == null ? null : new MessageView.AttachmentView(
                    io.tutoring.attachments.Attachment.PATH + r[16], (String) r[17], (String) r[18],
                    ((Number) r[19]).longValue());
            ThreadView.LastMessage last = r[7] == null ? null : new ThreadView.LastMessage((UUID) r[7],
                    SenderRole.valueOf((String) r[8]), (String) r[9], attachment, instant(r[10]), instant(r[11]));
            views.add(new ThreadView((UUID) r[0],
                    new UserRef((UUID) r[1], (String) r[2]),
                    new UserRef((UUID) r[3], (String) r[4]),
                    new UserRef((UUID) r[5], (String) r[6]),
                    last,
                    r[12] == null ? null : ((Number) r[12]).longValue(),
                    tutorView ? (Boolean) r[13] : null,
                    tutorView ? instant(r[14]) : null,
                    instant(r[15])));
        }
        return views;
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
