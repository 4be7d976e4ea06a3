package io.tutoring.support;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

/** A test that moves the service's clock; after each test the clock is back at real time. */
public abstract class MovableClockTest {

    @Inject
    protected TestClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }
}
