package dev.gilsim.results;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The rows of HdrHistogram's {@code outputPercentileDistribution}: percentile levels that halve
 * the distance to 100% with five ticks per halving, each with the value reached (nanoseconds),
 * the fraction of samples at or below it and their count. The percentile chart plots these rows
 * and {@code percentiles.csv} lists them, so both show the same numbers.
 */
public final class PercentileTable {
    /** HdrHistogram's usual {@code percentileTicksPerHalfDistance}. */
    public static final int TICKS_PER_HALF_DISTANCE = 5;

    private PercentileTable() {
    }

    /** @param fraction the percentile as a fraction, 0 to 1 */
    public record Row(long valueNanos, double fraction, long totalCount) {
        /** HdrHistogram's {@code 1/(1-Percentile)}: infinite on the last row. */
        public double oneOverOneMinusFraction() {
            return 1.0 / (1.0 - fraction);
        }
    }

    public static List<Row> rows(Histogram h) {
        List<Row> rows = new ArrayList<>();
        if (h.getTotalCount() == 0) {
            return rows;
        }
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            rows.add(new Row(v.getValueIteratedTo(), v.getPercentileLevelIteratedTo() / 100.0,
                    v.getTotalCountToThisValue()));
        }
        return rows;
    }
}
