package io.tutoring.papertrail;

import io.tutoring.common.Sql;
import io.tutoring.messaging.ChainHash;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A thread's chain as stored, read straight from the message table, and recomputed from its facts. */
record StoredChain(List<Link> links) {

    record Link(int index, byte[] prevHash, byte[] hash, ChainHash.Fields fields) {
    }

    private static final String ROWS = """
            select m.id, m.chain_index, m.prev_hash, m.hash, m.sender_role, m.sender_id, m.body, m.created_at,
                   m.ack_requested, m.attachment_id, a.sha256 as attachment_sha256,
                   t.parent_id, t.tutor_id, t.student_id
              from message m join thread t on t.id = m.thread_id
              left join attachment a on a.id = m.attachment_id
             where m.thread_id = :thread order by m.chain_index""";

    static StoredChain of(Sql sql, UUID threadId) {
        return new StoredChain(sql.query(ROWS).bind("thread", threadId).list(rs -> new Link(rs.getInt("chain_index"),
                rs.getBytes("prev_hash"), rs.getBytes("hash"), new ChainHash.Fields(threadId, Sql.uuid(rs, "id"),
                Sql.uuid(rs, "parent_id"), Sql.uuid(rs, "tutor_id"), Sql.uuid(rs, "student_id"),
                rs.getString("sender_role"), Sql.uuid(rs, "sender_id"), Sql.instant(rs, "created_at"),
                rs.getBoolean("ack_requested"), Sql.uuid(rs, "attachment_id"), rs.getBytes("attachment_sha256"),
                rs.getString("body")))));
    }

    /** One unbroken chain 0..n-1 from the thread id, each hash what the canonical form gives. */
    void assertIntact(UUID threadId) {
        byte[] prev = ChainHash.genesis(threadId);
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            assertEquals(i, link.index(), "places in the chain are 0, 1, 2, … without gaps");
            assertArrayEquals(prev, link.prevHash(), "message " + i + " chains from the one before");
            assertArrayEquals(ChainHash.hash(prev, link.fields()), link.hash(), "hash of message " + i);
            prev = link.hash();
        }
    }

    int size() {
        return links.size();
    }
}
