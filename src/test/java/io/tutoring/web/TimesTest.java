package io.tutoring.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Times as the reader reads them, and the browser's zone cookie taken only when it names a zone. */
class TimesTest {

    private static final Instant MORNING = Instant.parse("2025-03-01T08:30:00Z");

    @Test
    void aTimeIsMachineReadableUtcAndReadInTheReadersZone() {
        assertEquals("<time datetime=\"2025-03-01T08:30:00Z\">1 Mar 2025, 09:30</time>",
                Times.tag(MORNING, ZoneId.of("Europe/Paris")).getValue());
        assertEquals("<time datetime=\"2025-03-01T08:30:00Z\">1 Mar 2025, 03:30</time>",
                Times.tag(MORNING, ZoneId.of("America/New_York")).getValue());
        assertEquals("", Times.tag(null, ZoneId.of("UTC")).getValue());
    }

    @Test
    void theZoneCookieCountsOnlyWhenItNamesAZone() {
        assertEquals(Optional.of(ZoneId.of("Europe/London")), Times.parse("Europe%2FLondon"));
        assertEquals(Optional.of(ZoneId.of("Asia/Kolkata")), Times.parse("Asia/Kolkata"));
        assertEquals(Optional.empty(), Times.parse("<script>"));
        assertEquals(Optional.empty(), Times.parse("Mars/Olympus_Mons"));
        assertEquals(Optional.empty(), Times.parse(""));
        assertEquals(Optional.empty(), Times.parse("x".repeat(100)));
    }
}
