package io.tutoring.papertrail;

import io.tutoring.common.Sql;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of the paper trail: a thread's header with its chain head, its messages in chain order in
 * batches (an export never holds a whole thread), and the family timeline. Columns are read by their names.
 */
@ApplicationScoped
public class PaperTrailQueries {

    /** The thread, its three names and its chain head (the last message's place and hash). */
    private static final String HEADER = """
            select t.id, t.parent_id, p.name as parent_name, t.tutor_id, tu.name as tutor_name,
                   t.student_id, s.name as student_name, h.chain_index as head_index, h.hash as head_hash
              from thread t
              join app_user p on p.id = t.parent_id
              join app_user tu on tu.id = t.tutor_id
              join app_user s on s.id = t.student_id
              left join lateral (select m.chain_index, m.hash from message m where m.thread_id = t.id
                                  order by m.chain_index desc limit 1) h on true
             where t.id = :thread""";

    /** The next batch of a thread's messages in chain order, up to the head the export started with. */
    private static final String BATCH = """
            select m.id, m.chain_index, m.sender_role, m.sender_id, m.body, m.created_at, m.read_at,
                   m.ack_requested, m.acked_at, m.prev_hash, m.hash,
                   a.id as attachment_id, a.file_name, a.content_type, a.size, a.sha256
              from message m left join attachment a on a.id = m.attachment_id
             where m.thread_id = :thread and m.chain_index > :after and m.chain_index <= :last
             order by m.chain_index
             limit :batch""";

    /**
     * The family's history as the thread's participants see it, oldest first: invites between this parent and
     * this student (both known once answered) and each of their steps, the link's creations and removals, the
     * enrollment's start and end, and every admin read of this thread.
     */
    private static final String TIMELINE = """
            select x.at, x.type, x.action, x.actor_id, u.name as actor_name, x.invite
              from (select e.at, 'INVITE' as type, e.action, e.actor_id, 'PARENT_INVITED_STUDENT' as invite, e.id
                      from student_invite i join invite_event e on e.invite_id = i.id
                     where i.parent_id = :parent and i.student_id = :student
                    union all
                    select e.at, 'INVITE', e.action, e.actor_id, 'STUDENT_INVITED_PARENT', e.id
                      from parent_invite i join invite_event e on e.invite_id = i.id
                     where i.student_id = :student and i.parent_id = :parent
                    union all
                    select l.at, 'LINK', l.action, l.actor_id, null, l.id
                      from link_event l where l.parent_id = :parent and l.student_id = :student
                    union all
                    select e.at, 'ENROLLMENT', e.action, e.actor_id, null, e.id
                      from enrollment_event e where e.student_id = :student and e.tutor_id = :tutor
                    union all
                    select a.at, 'ADMIN_READ', a.action, a.admin_id, null, a.id
                      from admin_audit a where a.thread_id = :thread) x
              left join app_user u on u.id = x.actor_id
             order by x.at, x.id""";

    private final Sql sql;

    public PaperTrailQueries(Sql sql) {
        this.sql = sql;
    }

    /** A thread's participants and its chain head ({@code headIndex} -1 and no hash while it has no message). */
    record Header(UUID threadId, UserRef parent, UserRef tutor, UserRef student, int headIndex, byte[] headHash) {
    }

    Optional<Header> header(UUID threadId) {
        return sql.query(HEADER).bind("thread", threadId).first(rs -> {
            Integer head = (Integer) rs.getObject("head_index");
            return new Header(threadId, new UserRef(Sql.uuid(rs, "parent_id"), rs.getString("parent_name")),
                    new UserRef(Sql.uuid(rs, "tutor_id"), rs.getString("tutor_name")),
                    new UserRef(Sql.uuid(rs, "student_id"), rs.getString("student_name")),
                    head == null ? -1 : head, rs.getBytes("head_hash"));
        });
    }

    /** Messages after place {@code after} up to {@code last}, at most {@code batch} of them, in chain order. */
    List<ExportedMessage> batch(UUID threadId, int after, int last, int batch) {
        return sql.query(BATCH).bind("thread", threadId).bind("after", after).bind("last", last)
                .bind("batch", batch).list(PaperTrailQueries::message);
    }

    private static ExportedMessage message(ResultSet rs) throws SQLException {
        UUID attachmentId = Sql.uuid(rs, "attachment_id");
        return new ExportedMessage(rs.getInt("chain_index"), Sql.uuid(rs, "id"), rs.getString("sender_role"),
                Sql.uuid(rs, "sender_id"), rs.getString("body"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "read_at"), rs.getBoolean("ack_requested"), Sql.instant(rs, "acked_at"),
                attachmentId == null ? null : new ExportedMessage.Attachment(attachmentId, rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getBytes("sha256")),
                rs.getBytes("prev_hash"), rs.getBytes("hash"));
    }

    List<TimelineEntry> timeline(PaperTrailQueries.Header thread) {
        return sql.query(TIMELINE).bind("thread", thread.threadId()).bind("parent", thread.parent().id())
                .bind("tutor", thread.tutor().id()).bind("student", thread.student().id())
                .list(rs -> {
                    UUID actor = Sql.uuid(rs, "actor_id");
                    return new TimelineEntry(Sql.instant(rs, "at"), rs.getString("type"), rs.getString("action"),
                            actor == null ? null : new UserRef(actor, rs.getString("actor_name")),
                            rs.getString("invite"));
                });
    }
}
