package dev.gilsim.metrics;

import org.HdrHistogram.Histogram;

/**
 * Latencies in nanoseconds of virtual time, kept in a plain HdrHistogram (its {@code Recorder}
 * reads the wall clock, which a simulation must not). Three significant digits: 0.1% error at any
 * magnitude, with the histogram growing as needed so no value is ever clipped.
 */
public final class LatencyRecorder {
    private final Histogram histogram = new Histogram(3);

    public LatencyRecorder() {
        histogram.setAutoResize(true);
    }

    /** A recorder holding a copy of {@code saved}'s counts, e.g. a histogram read back from a file. */
    public static LatencyRecorder copyOf(Histogram saved) {
        LatencyRecorder r = new LatencyRecorder();
        r.histogram.add(saved);
        return r;
    }

    public void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The underlying histogram, for percentile tables and charts; do not record into it. */
    public Histogram histogram() {
        return histogram;
    }

    public void add(LatencyRecorder other) {
        histogram.add(other.histogram);
    }

    public LatencySummary summary() {
        if (histogram.getTotalCount() == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(histogram.getTotalCount(), ms(histogram.getMean()),
                ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()));
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
