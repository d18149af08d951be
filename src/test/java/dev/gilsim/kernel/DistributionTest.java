package dev.gilsim.kernel;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class DistributionTest {
    private final RandomGenerator rng = new RandomStreams(1).stream("test");

    private SummaryStatistics sample(Distribution d, int n) {
        SummaryStatistics s = new SummaryStatistics();
        for (int i = 0; i < n; i++) {
            long x = d.sample(rng);
            assertTrue(x >= 0, "negative sample " + x);
            s.addValue(x);
        }
        return s;
    }

    @Test
    void sampleMeansMatchTheDeclaredMeans() {
        List<Distribution> all = List.of(
                new Distribution.Exponential(millis(5)),
                new Distribution.Uniform(millis(1), millis(3)),
                new Distribution.TruncatedNormal(millis(2), millis(1)),
                new Distribution.LogNormal(micros(40), 0.5),
                new Distribution.Gamma(2.0, millis(4)),
                new Distribution.Empirical(List.of(millis(1), millis(2), millis(6))));
        for (Distribution d : all) {
            double mean = sample(d, 200_000).getMean();
            assertEquals(d.expectedNanos(), mean, d.expectedNanos() * 0.02, d.describe());
        }
    }

    @Test
    void truncatedNormalIsResampledNotClipped() {
        // Mean 1ms, sd 1ms: clipping would pile ~16% of samples at exactly 0.
        Distribution d = new Distribution.TruncatedNormal(millis(1), millis(1));
        long zeros = 0;
        for (int i = 0; i < 100_000; i++) {
            if (d.sample(rng) == 0) {
                zeros++;
            }
        }
        assertTrue(zeros < 100, "zeros: " + zeros);
    }

    @Test
    void invalidParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Exponential(0));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Constant(-1));
        assertThrows(IllegalArgumentException.class, () -> new Distribution.Empirical(List.of()));
    }

    @Test
    void describesItselfInScenarioUnits() {
        assertEquals("5ms", Distribution.constant(millis(5)).describe());
        assertEquals("exponential(mean=250us)", new Distribution.Exponential(micros(250)).describe());
        assertEquals("1.5s", Durations.format(1_500_000_000L));
        assertEquals("2m", Durations.format(120_000_000_000L));
    }
}
