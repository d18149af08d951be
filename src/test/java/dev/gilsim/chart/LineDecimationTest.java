package dev.gilsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineDecimationTest {
    @Test
    void aLineWithFewPointsKeepsThemAll() {
        double[] xs = {0, 1, 2, 3, 4};
        double[] ys = {5, 1, 4, 2, 3};
        List<List<Double>> line = LineDecimation.of(xs, ys, 2);
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), line.get(0));
        assertEquals(List.of(5.0, 1.0, 4.0, 2.0, 3.0), line.get(1));
    }

    /** Two columns over x in [0, 20): each keeps its first, lowest, highest and last point, in order. */
    @Test
    void eachColumnKeepsItsFirstLowestHighestAndLastPointInOrder() {
        double[] xs = new double[20];
        double[] ys = new double[20];
        for (int i = 0; i < 20; i++) {
            xs[i] = i;
            ys[i] = 10;
        }
        ys[3] = 50;  // the first column's highest, before its lowest
        ys[7] = -5;
        ys[12] = -8; // the second column's lowest, before its highest
        ys[15] = 99;
        List<List<Double>> line = LineDecimation.of(xs, ys, 2);
        assertEquals(List.of(0.0, 3.0, 7.0, 9.0, 10.0, 12.0, 15.0, 19.0), line.get(0));
        assertEquals(List.of(10.0, 50.0, -5.0, 10.0, 10.0, -8.0, 99.0, 10.0), line.get(1));
    }

    @Test
    void aLongNoisyLineKeepsAtMostFourPointsAColumnAndEveryExtremeInOrder() {
        Random random = new Random(7);
        int n = 72_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double x = 0;
        for (int i = 0; i < n; i++) {
            x += random.nextDouble();
            xs[i] = x;
            ys[i] = random.nextDouble() < 0.001 ? 100 + random.nextDouble() : random.nextDouble();
        }
        List<List<Double>> line = LineDecimation.of(xs, ys, LineDecimation.COLUMNS);
        List<Double> kx = line.get(0);
        List<Double> ky = line.get(1);
        assertTrue(kx.size() <= 4 * LineDecimation.COLUMNS, "kept " + kx.size());
        for (int i = 1; i < kx.size(); i++) {
            assertTrue(kx.get(i) > kx.get(i - 1), "in x order at " + i);
        }
        int spikes = 0;
        for (double y : ys) {
            spikes += y >= 100 ? 1 : 0;
        }
        assertEquals(spikes, ky.stream().filter(y -> y >= 100).count(), "every spike kept");
        assertEquals(xs[0], kx.get(0));
        assertEquals(xs[n - 1], kx.get(kx.size() - 1));
    }
}
