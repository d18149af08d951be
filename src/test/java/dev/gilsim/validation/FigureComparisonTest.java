package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureComparisonTest {
    private static FigureComparison fig(double realMedian, double realMin, double realMax, double sim) {
        return new FigureComparison("3.12.1", "heartbeat-5ms-1cpu", "loop lag p50", "ms", realMedian, realMin,
                realMax, 3, sim, sim, sim, 3);
    }

    @Test
    void aSimulatedMedianInsideTheRealSpreadIsInBand() {
        FigureComparison f = fig(5.4, 5.0, 9.0, 8.5);
        assertTrue(f.inBand());
        assertEquals("in spread", f.verdict());
    }

    @Test
    void aSimulatedMedianOutsideTheSpreadButWithin15PercentOfTheRealMedianIsInBand() {
        FigureComparison f = fig(10.0, 9.9, 10.1, 11.4);
        assertTrue(f.inBand());
        assertEquals("within 15%", f.verdict());
    }

    @Test
    void aSimulatedMedianFurtherOffIsOutOfBandAndSaysWhichWay() {
        assertFalse(fig(10.0, 9.9, 10.1, 11.6).inBand());
        assertEquals("too high", fig(10.0, 9.9, 10.1, 11.6).verdict());
        assertEquals("too low", fig(10.0, 9.9, 10.1, 8.4).verdict());
    }

    @Test
    void aFigureTheSimulationCouldNotProduceIsOutOfBand() {
        assertFalse(fig(10.0, 9.9, 10.1, Double.NaN).inBand());
    }

    @Test
    void theGeometricMeanRatioTreatsTooHighAndTooLowAlike() {
        // 2x too high and 2x too low (10 us floors aside) average to a factor of about 2.
        double g = Validation.geometricMeanRatio(List.of(fig(10, 10, 10, 20), fig(10, 10, 10, 5)));
        assertEquals(2.0, g, 0.01);
    }

    @Test
    void nearZeroFiguresCompareThroughTheirFloor() {
        // 1 us against 2 us of loop lag: both far below the 10 us floor, so nearly equal.
        assertEquals(1.0, fig(0.001, 0.001, 0.001, 0.002).ratio(), 0.1);
    }

    private static FigureComparison spreads(double realMin, double realMax, double simMin, double simMax) {
        return new FigureComparison("3.12.1", "heartbeat-5ms-2cpu", "loop lag p50", "ms", realMin, realMin, realMax, 3,
                simMin, simMin, simMax, 5);
    }

    /**
     * Seeds that land 0.3 ms and 5.4 ms (one phase-locked, one not) where real runs land 0.27 to
     * 0.29 ms: the seeds' spread, (5.41 / 0.31) over the real (0.30 / 0.28), is 16 times wider.
     */
    @Test
    void seedsThatDisagreeMoreThanRealRunsAreSeedSensitive() {
        FigureComparison f = spreads(0.27, 0.29, 0.30, 5.40);
        assertEquals((5.41 / 0.31) / (0.30 / 0.28), f.seedSpreadExcess(), 1e-9);
        assertTrue(f.seedSensitive());
    }

    /** A spread no wider than the real one, or wider by 15 % at most, is not. */
    @Test
    void seedsWithinTheRealSpreadOrJustBeyondItAreNot() {
        assertEquals(1.0, spreads(5.0, 6.0, 5.2, 5.8).seedSpreadExcess(), 0);
        assertFalse(spreads(5.0, 6.0, 5.0, 6.8).seedSensitive());
        assertTrue(spreads(5.0, 6.0, 5.0, 7.0).seedSensitive());
    }
}
