package dev.gilsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    @Property(tries = 20_000)
    void anyDoubleReadsAsTheFormatterWritesIt(@ForAll double value, @ForAll @IntRange(min = 0, max = 12) int places) {
        assertEquals(String.format(Locale.ROOT, "%." + places + "f", value), Decimals.fixed(value, places));
    }

    @Property(tries = 20_000)
    void latenciesInMillisecondsReadAsTheFormatterWritesThem(@ForAll @IntRange(min = 0, max = 2_000_000_000) int nanos,
            @ForAll @IntRange(min = 0, max = 6) int places) {
        double ms = nanos / 1e6;
        assertEquals(String.format(Locale.ROOT, "%." + places + "f", ms), Decimals.fixed(ms, places));
    }

    /** Halves, the cases where rounding could differ: the formatter rounds the shortest decimal up. */
    @Test
    void tiesRoundUpOnTheShortestDecimal() {
        for (double v : new double[] {0.125, 2.675, 1.005, 0.5, 1.5, 2.5, -0.5, -2.675, 0.0, -0.0, -0.004, 1e-7, 1e20, 123456.789}) {
            for (int places = 0; places <= 3; places++) {
                assertEquals(String.format(Locale.ROOT, "%." + places + "f", v), Decimals.fixed(v, places), v + " at " + places);
            }
        }
    }
}
