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
 *
 * <p>A summary is computed once and kept until the next value: the threads' figures, the charts,
 * the report and the console all ask for the same recorders' summaries.
 */
public final class LatencyRecorder {
    /** Values kept raw (8 bytes each) before the recorder switches to a histogram. */
    static final int BUFFERED = 2048;

    /**
     * Recorded into never: only its bucket arithmetic ({@code highestEquivalentValue} and the like)
     * is used, which is every histogram's of three significant digits whatever its size, and
     * reading it from several threads is safe.
     */
    private static final Histogram GEOMETRY = newHistogram();

    private long[] values = new long[8];
    private int buffered;
    /** Null while the values fit in {@link #values}. */
    private Histogram histogram;
    /** Null until asked for, and again once a value is recorded or added. */
    private LatencySummary summary;

    /** A recorder holding a copy of {@code saved}'s counts, e.g. a histogram read back from a file. */
    public static LatencyRecorder copyOf(Histogram saved) {
        LatencyRecorder r = new LatencyRecorder();
        r.histogram().add(saved);
        return r;
    }

    public void record(long nanos) {
        summary = null;
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
        summary = null;
        if (other.histogram != null) {
            histogram().add(other.histogram);
        } else {
            for (int i = 0; i < other.buffered; i++) {
                record(other.values[i]);
            }
        }
    }

    public LatencySummary summary() {
        if (summary == null) {
            summary = count() == 0 ? LatencySummary.EMPTY
                    : histogram != null ? summarise(histogram) : summarise(values, buffered);
        }
        return summary;
    }

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    /** HdrHistogram's rank of each percentile among {@code total} values. */
    private static long[] ranks(long total) {
        long[] ranks = new long[PERCENTILES.length];
        for (int i = 0; i < ranks.length; i++) {
            double p = Math.min(Math.max(Math.nextAfter(PERCENTILES[i], Double.NEGATIVE_INFINITY), 0), 100);
            ranks[i] = Math.max((long) Math.ceil(p * total / 100), 1);
        }
        return ranks;
    }

    /**
     * The mean and the four percentiles in one walk over the histogram's recorded values, where
     * {@code getMean} and each {@code getValueAtPercentile} walk it once each: summaries were a
     * large share of every short run and sweep point. The arithmetic is HdrHistogram's own (the
     * same rank for each percentile, the same sum in the same order for the mean), so the figures
     * are the same to the last bit.
     */
    static LatencySummary summarise(Histogram h) {
        long total = h.getTotalCount();
        long[] ranks = ranks(total);
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
        return summary(total, sum, values, h.getMaxValue());
    }

    /**
     * The same figures, to the last bit, from raw values without a histogram. Sorted, the values
     * sharing a histogram bucket are adjacent, and each such run is what the histogram's walk
     * reports as one recorded value: the bucket's highest equivalent value with their count, met
     * in the same order, so the sum and the ranks come out the same; the maximum is the bucket's
     * of the largest value, as {@code getMaxValue} gives it. A histogram is walked slot by slot up
     * to its largest value (some 12,000 slots for a 5 ms wait), and the one a raw recorder was
     * summarised through had first to be emptied whole; a thread's few hundred waits sort in
     * microseconds, and summaries were a large part of what a run's output cost.
     */
    static LatencySummary summarise(long[] raw, int n) {
        long[] sorted = Arrays.copyOf(raw, n);
        Arrays.sort(sorted);
        long[] ranks = ranks(n);
        long[] values = new long[PERCENTILES.length];
        double sum = 0;
        long seen = 0;
        int next = 0;
        for (int i = 0; i < n; ) {
            long value = GEOMETRY.highestEquivalentValue(sorted[i]);
            int end = i + 1;
            while (end < n && sorted[end] <= value) {
                end++;
            }
            long count = end - i;
            sum += (double) GEOMETRY.medianEquivalentValue(value) * (double) count;
            seen += count;
            while (next < ranks.length && seen >= ranks[next]) {
                values[next++] = value;
            }
            i = end;
        }
        long max = sorted[n - 1];
        return summary(n, sum, values, max == 0 ? 0 : GEOMETRY.highestEquivalentValue(max));
    }

    private static LatencySummary summary(long total, double sum, long[] values, long max) {
        return new LatencySummary(total, ms(sum * 1.0 / total), ms(values[0]), ms(values[1]), ms(values[2]),
                ms(values[3]), ms(max));
    }

    private Histogram filled() {
        Histogram h = newHistogram();
        fill(h);
        return h;
    }

    /**
     * Records the raw values, the largest first: the histogram then grows once, to its final size,
     * instead of at every new magnitude (each growth copies the counts; up to a dozen copies made
     * this fill 11 % of a short run's time). The result is the histogram recording them in order
     * gives, header included: the counts do not depend on the order, and a grown histogram's size
     * and highest trackable value depend only on the largest value it has seen.
     */
    private void fill(Histogram h) {
        if (buffered == 0) {
            return;
        }
        int largest = 0;
        for (int i = 1; i < buffered; i++) {
            if (values[i] > values[largest]) {
                largest = i;
            }
        }
        h.recordValue(values[largest]);
        for (int i = 0; i < buffered; i++) {
            if (i != largest) {
                h.recordValue(values[i]);
            }
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
