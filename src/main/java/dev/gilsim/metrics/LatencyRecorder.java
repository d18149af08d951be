package dev.gilsim.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Latencies in nanoseconds of virtual time, kept in a plain HdrHistogram (its {@code Recorder}
 * reads the wall clock, which a simulation must not). Three significant digits: 0.1% error at any
 * magnitude, with the histogram growing as needed so no value is ever clipped.
 *
 * <p>A histogram of waits up to tens of milliseconds takes about 200 KB, and every thread keeps
 * two: at 1,000 threads that was most of the heap. So the first {@value #BUFFERED} values are kept
 * as they are, in an array that grows with them, and go into a histogram only when there are more
 * or when a caller asks for the histogram. A histogram fed the same values holds the same counts
 * whatever the order, so every figure is the same either way.
 */
public final class LatencyRecorder {
    /** Values kept raw (8 bytes each) before the recorder switches to a histogram. */
    static final int BUFFERED = 2048;

    private static final ThreadLocal<Histogram> SCRATCH = ThreadLocal.withInitial(LatencyRecorder::newHistogram);

    private long[] values = new long[8];
    private int buffered;
    /** Null while the values fit in {@link #values}. */
    private Histogram histogram;

    /** A recorder holding a copy of {@code saved}'s counts, e.g. a histogram read back from a file. */
    public static LatencyRecorder copyOf(Histogram saved) {
        LatencyRecorder r = new LatencyRecorder();
        r.histogram().add(saved);
        return r;
    }

    public void record(long nanos) {
        long v = Math.max(0, nanos);
        if (histogram != null) {
            histogram.recordValue(v);
            return;
        }
        if (buffered == values.length) {
            if (buffered >= BUFFERED) {
                histogram().recordValue(v);
                return;
            }
            values = Arrays.copyOf(values, buffered * 2);
        }
        values[buffered++] = v;
    }

    public long count() {
        return histogram != null ? histogram.getTotalCount() : buffered;
    }

    /** The underlying histogram, for percentile tables and charts; do not record into it. */
    public Histogram histogram() {
        if (histogram == null) {
            histogram = filled();
            values = null;
            buffered = 0;
        }
        return histogram;
    }

    /**
     * The histogram for one read now (a table, an encoding), without keeping it: a recorder still
     * holding raw values fills a new histogram each time. Writing 10,000 threads' files through
     * {@link #histogram()} kept a histogram of about 12 KB per recorder alive (two per thread).
     */
    public Histogram transientHistogram() {
        return histogram != null ? histogram : filled();
    }

    public void add(LatencyRecorder other) {
        if (other.histogram != null) {
            histogram().add(other.histogram);
        } else {
            for (int i = 0; i < other.buffered; i++) {
                record(other.values[i]);
            }
        }
    }

    public LatencySummary summary() {
        if (count() == 0) {
            return LatencySummary.EMPTY;
        }
        // A recorder still holding raw values is summarised through a histogram it does not keep:
        // one per simulating thread, emptied and filled again for each recorder.
        Histogram h = histogram;
        if (h == null) {
            h = SCRATCH.get();
            h.reset();
            fill(h);
        }
        return summarise(h);
    }

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    /**
     * The mean and the four percentiles in one walk over the histogram's recorded values, where
     * {@code getMean} and each {@code getValueAtPercentile} walk it once each: summaries were a
     * large share of every short run and sweep point. The arithmetic is HdrHistogram's own (the
     * same rank for each percentile, the same sum in the same order for the mean), so the figures
     * are the same to the last bit.
     */
    static LatencySummary summarise(Histogram h) {
        long total = h.getTotalCount();
        long[] ranks = new long[PERCENTILES.length];
        for (int i = 0; i < ranks.length; i++) {
            double p = Math.min(Math.max(Math.nextAfter(PERCENTILES[i], Double.NEGATIVE_INFINITY), 0), 100);
            ranks[i] = Math.max((long) Math.ceil(p * total / 100), 1);
        }
        long[] values = new long[PERCENTILES.length];
        double sum = 0;
        long seen = 0;
        int next = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            long value = v.getValueIteratedTo();
            long count = v.getCountAtValueIteratedTo();
            sum += (double) h.medianEquivalentValue(value) * (double) count;
            seen += count;
            while (next < ranks.length && seen >= ranks[next]) {
                values[next++] = value;
            }
        }
        return new LatencySummary(total, ms(sum * 1.0 / total), ms(values[0]), ms(values[1]), ms(values[2]),
                ms(values[3]), ms(h.getMaxValue()));
    }

    private Histogram filled() {
        Histogram h = newHistogram();
        fill(h);
        return h;
    }

    private void fill(Histogram h) {
        for (int i = 0; i < buffered; i++) {
            h.recordValue(values[i]);
        }
    }

    private static Histogram newHistogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
