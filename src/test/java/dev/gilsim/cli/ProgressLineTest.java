package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 12: time left is written in one style whatever its size, so lines compare at a glance. */
class ProgressLineTest {
    private static final long S = 1_000_000_000L;

    @Test
    void wallTimeIsSecondsThenMinutesAndSecondsThenHoursAndMinutes() {
        assertEquals("0s", ProgressLine.wallTime(0));
        assertEquals("59s", ProgressLine.wallTime(59 * S));
        assertEquals("1m 00s", ProgressLine.wallTime(60 * S));
        assertEquals("4m 05s", ProgressLine.wallTime(245 * S));
        assertEquals("59m 59s", ProgressLine.wallTime(3599 * S));
        assertEquals("1h 00m", ProgressLine.wallTime(3600 * S));
        assertEquals("2h 03m", ProgressLine.wallTime((2 * 3600 + 3 * 60 + 59) * S));
        assertEquals("0s", ProgressLine.wallTime(-5 * S));
    }
}
