package io.tutoring.papertrail;

import io.tutoring.messaging.ChainHash;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migrations on a database with messages from before the paper trail: V81 fills the chain of each thread in
 * the order its messages were written, V82 then makes the columns mandatory. Runs Flyway itself on a schema of its
 * own (the test schema's name + {@code _backfill}), so no Quarkus application is involved.
 */
class BackfillMigrationTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = System.getenv().getOrDefault("TEST_SCHEMA", "msg_test") + "_backfill";

    @Test
    void existingMessagesGetOneChainPerThreadInWritingOrder() throws Exception {
        Flyway before = flyway("30");
        before.clean();
        before.migrate();

        UUID parent = UUID.randomUUID();
        UUID tutor = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        UUID thread = UUID.randomUUID();
        UUID[] messages = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        Instant t0 = Instant.parse("2025-01-02T03:04:05.123456Z");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (UUID user : new UUID[]{parent, tutor, student}) {
                s.execute("insert into app_user (id, subject) values ('" + user + "', '" + user + "')");
            }
            s.execute("insert into thread (id, parent_id, tutor_id, student_id, created_at, last_message_at) values ('"
                    + thread + "', '" + parent + "', '" + tutor + "', '" + student + "', now(), now())");
            // Written out of id order, and the second one has a later id but an earlier time than the third.
            for (int i = 0; i < 3; i++) {
                s.execute("insert into message (id, thread_id, sender_role, sender_id, body, created_at) values ('"
                        + messages[i] + "', '" + thread + "', '" + (i == 1 ? "TUTOR" : "PARENT") + "', '"
                        + (i == 1 ? tutor : parent) + "', 'text " + i + " ✓', '" + t0.plusSeconds(i) + "')");
            }
        }

        flyway(null).migrate();

        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, sender_role, sender_id, body, created_at, chain_index,"
                     + " prev_hash, hash from message order by chain_index")) {
            byte[] prev = ChainHash.genesis(thread);
            int i = 0;
            while (rs.next()) {
                assertEquals(messages[i], rs.getObject("id", UUID.class), "chain order is writing order");
                assertEquals(i, rs.getInt("chain_index"));
                assertArrayEquals(prev, rs.getBytes("prev_hash"));
                ChainHash.Fields fields = new ChainHash.Fields(thread, messages[i], parent, tutor, student,
                        rs.getString("sender_role"), rs.getObject("sender_id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), false, null, null,
                        rs.getString("body"));
                assertArrayEquals(ChainHash.hash(prev, fields), rs.getBytes("hash"));
                prev = rs.getBytes("hash");
                i++;
            }
            assertEquals(3, i);
        }
        flyway(null).clean();
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA).createSchemas(true)
                .cleanDisabled(false).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(URL + "?currentSchema=" + SCHEMA, "postgres", "");
    }
}
