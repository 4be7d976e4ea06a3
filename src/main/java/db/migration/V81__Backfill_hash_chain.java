package db.migration;

import io.tutoring.messaging.ChainHash;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fills the hash chain of the messages stored before the paper trail existed: per thread, in the order they were
 * written (created_at, then id), each chained from the one before and the first from the thread id, with the same
 * {@link ChainHash} the send path uses. Attachments of those messages were never hashed; their canonical form
 * says "-" for the bytes' SHA-256 (docs/paper-trail.md). One thread at a time, so memory stays bounded by the
 * longest thread; updates go in JDBC batches.
 */
public class V81__Backfill_hash_chain extends BaseJavaMigration {

    private static final String THREADS = "select distinct thread_id from message where hash is null";

    private static final String MESSAGES = """
            select m.id, m.sender_role, m.sender_id, m.body, m.created_at, m.ack_requested, m.attachment_id,
                   a.sha256 as attachment_sha256, t.parent_id, t.tutor_id, t.student_id
              from message m
              join thread t on t.id = m.thread_id
              left join attachment a on a.id = m.attachment_id
             where m.thread_id = ?
             order by m.created_at, m.id""";

    private static final String UPDATE = "update message set chain_index = ?, prev_hash = ?, hash = ? where id = ?";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<UUID> threads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(THREADS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                threads.add(rs.getObject(1, UUID.class));
            }
        }
        try (PreparedStatement select = c.prepareStatement(MESSAGES); PreparedStatement update = c.prepareStatement(UPDATE)) {
            for (UUID thread : threads) {
                chain(thread, select, update);
            }
        }
    }

    private static void chain(UUID thread, PreparedStatement select, PreparedStatement update) throws SQLException {
        select.setObject(1, thread);
        byte[] prev = ChainHash.genesis(thread);
        int index = 0;
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ChainHash.Fields fields = new ChainHash.Fields(thread, rs.getObject("id", UUID.class),
                        rs.getObject("parent_id", UUID.class), rs.getObject("tutor_id", UUID.class),
                        rs.getObject("student_id", UUID.class), rs.getString("sender_role"),
                        rs.getObject("sender_id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("ack_requested"),
                        rs.getObject("attachment_id", UUID.class), rs.getBytes("attachment_sha256"),
                        rs.getString("body"));
                byte[] hash = ChainHash.hash(prev, fields);
                update.setInt(1, index);
                update.setBytes(2, prev);
                update.setBytes(3, hash);
                update.setObject(4, fields.messageId());
                update.addBatch();
                prev = hash;
                index++;
            }
        }
        update.executeBatch();
    }
}
