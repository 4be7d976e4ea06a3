package io.tutoring;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The entry point switches Quarkus's bare-400 check of the request target off, so that HttpGuards answers in
 * problem+json. The tests set the property in the pom, so this is the one test that fails when Main stops setting it;
 * an explicit setting on the command line wins.
 */
class MainTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(Main.DISABLE_URI_VALIDATION);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Main.DISABLE_URI_VALIDATION);
        } else {
            System.setProperty(Main.DISABLE_URI_VALIDATION, before);
        }
    }

    @Test
    void switchesQuarkussTargetCheckOffBeforeQuarkusStarts() {
        System.clearProperty(Main.DISABLE_URI_VALIDATION);
        Main.beforeQuarkus();
        assertEquals("true", System.getProperty(Main.DISABLE_URI_VALIDATION));
    }

    @Test
    void anExplicitSettingWins() {
        System.setProperty(Main.DISABLE_URI_VALIDATION, "false");
        Main.beforeQuarkus();
        assertEquals("false", System.getProperty(Main.DISABLE_URI_VALIDATION));
    }
}
