package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0          | 0",
        "0.0        | 0",
        "100ns      | 100",
        "250us      | 250000",
        "250\u00b5s | 250000",
        "250\u03bcs | 250000",
        "5ms        | 5000000",
        "3.5 ms     | 3500000",
        "1.5s       | 1500000000",
        "2m         | 120000000000",
        "1h         | 3600000000000",
        ".5ms       | 500000",
        "1.1ms      | 1100000",
        "0.0000000004s | 0",
        "0.0000000005s | 1",
        "9223372036.854775807s | 9223372036854775807",
    })
    void durationsParseExactlyToNanoseconds(String text, long nanos) {
        assertEquals(nanos, Units.parseDurationNanos(text));
    }

    @Test
    void negativeDurationIsRejected() {
        Units.InvalidQuantityException e = assertThrows(Units.InvalidQuantityException.class,
                () -> Units.parseDurationNanos("-5ms"));
        assertEquals("must not be negative (got -5ms)", e.getMessage());
        assertNull(e.expected());
    }

    @Test
    void bareNumberIsMissingItsUnit() {
        Units.InvalidQuantityException e = assertThrows(Units.InvalidQuantityException.class,
                () -> Units.parseDurationNanos("5"));
        assertEquals("'5' has no unit", e.getMessage());
        assertEquals("e.g. 5ms, 250us, 1.5s", e.expected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 bananas", "NaN", "Infinity", "5", "1e3ms", "ms", "", "5ms5", "5 ms s", "+5ms", "5MS", "0x10ms"})
    void garbageIsNotADuration(String text) {
        assertThrows(IllegalArgumentException.class, () -> Units.parseDurationNanos(text));
    }

    @Test
    void unknownUnitSaysNotADuration() {
        assertEquals("'5 bananas' is not a duration",
                assertThrows(IllegalArgumentException.class, () -> Units.parseDurationNanos("5 bananas")).getMessage());
    }

    @Test
    void overflowIsRejected() {
        assertEquals("must be less than 292 years (got 2562048h)",
                assertThrows(IllegalArgumentException.class, () -> Units.parseDurationNanos("2562048h")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Units.parseDurationNanos("9223372036.854775808s"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100/s    | 100",
        "6000/m   | 100",
        "2.5/ms   | 2500",
        "10/h     | 0.002777777777777778",
        "3/10ms   | 300",
        "1 / us   | 1000000",
        "0/s      | 0",
    })
    void ratesAreEventsPerSecond(String text, double perSecond) {
        assertEquals(perSecond, Units.parseRatePerSecond(text), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "/s", "abc/s", "5/bananas", "NaN/s", "5ms/s", "5/s/s", ""})
    void garbageIsNotARate(String text) {
        Units.InvalidQuantityException e = assertThrows(Units.InvalidQuantityException.class,
                () -> Units.parseRatePerSecond(text));
        assertEquals(Units.RATE_EXAMPLES, e.expected());
    }

    @Test
    void negativeAndZeroWindowRatesAreRejected() {
        assertEquals("must not be negative (got -5/s)",
                assertThrows(IllegalArgumentException.class, () -> Units.parseRatePerSecond("-5/s")).getMessage());
        assertEquals("time window must be greater than 0 (got 5/0s)",
                assertThrows(IllegalArgumentException.class, () -> Units.parseRatePerSecond("5/0s")).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0             | 0",
        "100           | 100ns",
        "250000        | 250us",
        "5000000       | 5ms",
        "1234000       | 1.234ms",
        "1234567       | 1.234567ms",
        "1500000000    | 1.5s",
        "120000000000  | 2m",
        "90000000000   | 90s",
        "5400000000000 | 90m",
        "3600000000000 | 1h",
        "-5000000      | -5ms",
        "-9223372036854775808 | -9223372036.854775808s",
    })
    void durationsFormatCompactlyAndExactly(long nanos, String text) {
        assertEquals(text, Units.formatDuration(nanos));
    }

    @Test
    void millisecondsFormatWithFixedDecimals() {
        assertEquals("5.200", Units.formatMillis(5_200_000, 3));
        assertEquals("0.001", Units.formatMillis(500, 3));
        assertEquals("0.000", Units.formatMillis(499, 3));
        assertEquals("1235", Units.formatMillis(1_234_500_000, 0));
        assertEquals("-0.500", Units.formatMillis(-500_000, 3));
    }
}
