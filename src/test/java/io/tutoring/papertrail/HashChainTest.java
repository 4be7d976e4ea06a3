package io.tutoring.papertrail;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.common.Sql;
import io.tutoring.messaging.ChainHash;
import io.tutoring.support.Family;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.tutoring.support.Api.as;
import static io.tutoring.support.Api.sendOk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every message is a link of its thread's hash chain, computed in the send transaction. */
@QuarkusTest
class HashChainTest {

    @Inject
    Sql sql;

    @Test
    void theFirstMessageChainsFromTheThreadIdAndEachNextFromTheOneBefore() {
        Family f = Family.create();
        UUID thread = UUID.fromString(sendOk(f.parent(), f.tutor(), f.student(), "Hello"));
        sendOk(f.tutor(), f.tutor(), f.student(), "Hi! Line one\nline two, ünïcödé and 😀");
        sendOk(f.parent(), f.tutor(), f.student(), "Thanks");

        StoredChain chain = StoredChain.of(sql, thread);
        assertEquals(3, chain.size());
        assertArrayEquals(ChainHash.sha256(thread.toString().getBytes(StandardCharsets.US_ASCII)),
                chain.links().get(0).prevHash(), "the first message chains from SHA-256 of the thread id");
        chain.assertIntact(thread);
    }

    @Test
    void threadsHaveChainsOfTheirOwn() {
        Family one = Family.create();
        Family two = Family.create();
        UUID first = UUID.fromString(sendOk(one.parent(), one.tutor(), one.student(), "one"));
        UUID second = UUID.fromString(sendOk(two.parent(), two.tutor(), two.student(), "two"));
        assertEquals(0, StoredChain.of(sql, first).links().get(0).index());
        assertEquals(0, StoredChain.of(sql, second).links().get(0).index());
    }

    /**
     * Both sides send at once into one thread, many times over: the thread's row lock makes them take turns at the
     * chain head, so the result is one chain with every message in it (a fork would break the unique place index
     * and answer 500).
     */
    @Test
    void concurrentSendsIntoOneThreadFormOneChain() throws Exception {
        Family f = Family.create();
        UUID thread = UUID.fromString(sendOk(f.parent(), f.tutor(), f.student(), "start"));
        int senders = 8;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        try {
            for (int s = 0; s < senders; s++) {
                var who = s % 2 == 0 ? f.parent() : f.tutor();
                int sender = s;
                results.add(pool.submit(() -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        statuses.add(as(who).body(Map.of("tutorId", f.tutor().id(), "studentId", f.student().id(),
                                        "message", "sender " + sender + " message " + i))
                                .post("/api/parent/messages").statusCode());
                    }
                    return statuses;
                }));
            }
            go.countDown();
            for (Future<List<Integer>> result : results) {
                assertEquals(List.of(201, 201, 201, 201, 201), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        StoredChain chain = StoredChain.of(sql, thread);
        assertEquals(1 + senders * each, chain.size());
        chain.assertIntact(thread);
        Set<String> prevs = new HashSet<>();
        chain.links().forEach(l -> assertTrue(prevs.add(ChainHash.hex(l.prevHash())), "no two messages share a parent"));
    }
}
