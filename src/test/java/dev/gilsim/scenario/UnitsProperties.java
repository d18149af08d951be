package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class UnitsProperties {

    @Property
    void formattedDurationsParseBackExactlyUpToAnHour(@ForAll @LongRange(min = 0, max = Units.NANOS_PER_HOUR) long nanos) {
        assertEquals(nanos, Units.parseDurationNanos(Units.formatDuration(nanos)));
    }

    @Property
    void formattedDurationsParseBackExactlyOverTheWholeRange(@ForAll @LongRange(min = 0) long nanos) {
        assertEquals(nanos, Units.parseDurationNanos(Units.formatDuration(nanos)));
    }

    @Property
    void parseNeverYieldsANegativeDuration(@ForAll("durationLike") String text) {
        try {
            assertTrue(Units.parseDurationNanos(text) >= 0, text);
        } catch (IllegalArgumentException expected) {
            assertTrue(!expected.getMessage().isEmpty());
        }
    }

    @Property
    void negativeLookingDurationsAreAlwaysRejected(@ForAll("durationLike") String text) {
        String negative = "-" + text.strip();
        try {
            Units.parseDurationNanos(negative);
            throw new AssertionError("accepted " + negative);
        } catch (Units.InvalidQuantityException expected) {
            // The point of the property: no negative spelling gets through.
        }
    }

    /** Mostly near-valid text (numbers, units, signs, spaces), so the parser's edges are exercised. */
    @Provide
    Arbitrary<String> durationLike() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.strings().withChars("0123456789.-+eE ").ofMaxLength(12));
        Arbitrary<String> unit = Arbitraries.of("", "ns", "us", "\u00b5s", "ms", "s", "m", "h", "d", "MS", " ms", "x");
        return Arbitraries.oneOf(
                Combinators.combine(number, unit).as(String::concat),
                Arbitraries.strings().ofMaxLength(20));
    }
}
