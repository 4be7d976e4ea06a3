package io.tutoring.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a browser may be sent back to after signing in: only a path of this site. */
class PathsTest {

    @Test
    void onlyLocalPathsAreReturnedTo() {
        assertEquals("/messages?unread=true", Paths.safeReturn("/messages?unread=true"));
        assertEquals("/threads/0b8f6a55", Paths.safeReturn("/threads/0b8f6a55"));
        for (String bad : new String[] {null, "", "messages", "//evil.example/x", "/\\evil.example",
                "https://evil.example/", "javascript:alert(1)", "/\r\nSet-Cookie:x=1", "/signin?next=/x",
                "/signout", "/" + "a".repeat(2001)}) {
            assertEquals("/", Paths.safeReturn(bad), String.valueOf(bad));
        }
    }

    @Test
    void theCurrentUrlOfHtmxCountsOnlyByItsPath() {
        assertEquals("/family?tab=invites", Paths.pathOf("http://localhost:8080/family?tab=invites"));
        assertEquals("/family", Paths.pathOf("https://evil.example/family"));
        assertEquals("/", Paths.pathOf("https://evil.example//evil.example/x"));
        assertEquals("/", Paths.pathOf(null));
        assertEquals("/", Paths.pathOf("http://[broken"));
    }

    @Test
    void pagesAreEverythingButTheApiAndQuarkusEndpoints() {
        assertTrue(Paths.isPage("/"));
        assertTrue(Paths.isPage("/messages"));
        assertTrue(Paths.isPage("/apis"));
        assertFalse(Paths.isPage("/api"));
        assertFalse(Paths.isPage("/api/me"));
        assertFalse(Paths.isPage("/q/health"));
    }
}
