package dev.gilsim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeSeriesTest {
    @Test
    void keepsEverySampleBelowCapacity() {
        TimeSeries s = new TimeSeries(TimeSeries.Unit.COUNT, 4);
        s.add(10, 1);
        s.add(20, 2);
        assertArrayEquals(new long[] {10, 20}, s.times());
        assertArrayEquals(new long[] {1, 2}, s.values());
    }

    @Test
    void thinsEvenlyWhenFull() {
        // Capacity 4, samples 0..9 at times 0..9. Samples 0-3 fill it; sample 4 thins to 0, 2 and
        // keeps 4 (stride 2); 5 is skipped; 6 fills it (0, 2, 4, 6); 7 is skipped; 8 thins to 0, 4
        // (stride 4) and, a multiple of 4, is kept; 9 is skipped. Left: every fourth sample.
        TimeSeries s = new TimeSeries(TimeSeries.Unit.COUNT, 4);
        for (int i = 0; i < 10; i++) {
            s.add(i, i * 10L);
        }
        assertArrayEquals(new long[] {0, 4, 8}, s.times());
        assertArrayEquals(new long[] {0, 40, 80}, s.values());
        assertEquals(10, s.offered());
    }

    @Test
    void refusesSamplesOutOfTimeOrder() {
        TimeSeries s = new TimeSeries(TimeSeries.Unit.NANOSECONDS);
        s.add(5, 1);
        assertThrows(IllegalArgumentException.class, () -> s.add(4, 1));
    }
}
