package io.tutoring.web;

import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser that goes on while an answer is written is not a failure an operator must look at: it is logged at
 * debug, everything else at error with its stack trace (ErrorPages#unexpected).
 */
class ClientGoneTest {

    @Test
    void aClosedConnectionIsTheClientGoing() {
        assertTrue(ErrorPages.clientGone(new ClosedChannelException()));
        assertTrue(ErrorPages.clientGone(new HttpClosedException("Connection was closed")));
        assertTrue(ErrorPages.clientGone(new RuntimeException("writing the export", new ClosedChannelException())));
    }

    @Test
    void everythingElseIsAFailure() {
        assertFalse(ErrorPages.clientGone(new IllegalStateException("secret internal state")));
        assertFalse(ErrorPages.clientGone(new UncheckedIOException("disk full", new java.io.IOException("disk full"))));
        assertFalse(ErrorPages.clientGone(new RuntimeException("no cause")));
    }
}
