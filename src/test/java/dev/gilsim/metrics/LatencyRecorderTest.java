package dev.gilsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    /** The same values straight into an HdrHistogram, as the recorder documents. */
    private static Histogram plain(long[] values) {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        for (long v : values) {
            h.recordValue(Math.max(0, v));
        }
        return h;
    }

    private static long[] waits(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = (long) (5_000_000 * Math.exp(r.nextGaussian())) - 1_000;
        }
        return v;
    }

    private static LatencyRecorder recorded(long[] values) {
        LatencyRecorder r = new LatencyRecorder();
        for (long v : values) {
            r.record(v);
        }
        return r;
    }

    private static LatencySummary summaryOf(Histogram h) {
        return new LatencySummary(h.getTotalCount(), h.getMean() / 1e6, h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
    }

    @Test
    void aFewValuesKeptRawSummariseAsTheirHistogramWould() {
        long[] v = waits(100, 1);
        LatencyRecorder r = recorded(v);
        assertEquals(summaryOf(plain(v)), r.summary());
        assertEquals(100, r.count());
        assertEquals(plain(v), r.histogram());
    }

    @Test
    void pastTheBufferTheValuesMoveIntoAHistogramWithNoneLost() {
        long[] v = waits(LatencyRecorder.BUFFERED * 3 + 7, 2);
        LatencyRecorder r = recorded(v);
        assertEquals(v.length, r.count());
        assertEquals(summaryOf(plain(v)), r.summary());
        assertEquals(plain(v), r.histogram());
    }

    @Test
    void addingRecordersOfEitherKindAddsTheirValues() {
        long[] few = waits(50, 3);
        long[] many = waits(LatencyRecorder.BUFFERED + 1, 4);
        long[] all = new long[few.length * 2 + many.length];
        System.arraycopy(few, 0, all, 0, few.length);
        System.arraycopy(many, 0, all, few.length, many.length);
        System.arraycopy(few, 0, all, few.length + many.length, few.length);

        LatencyRecorder sum = recorded(few);
        sum.add(recorded(many));
        sum.add(recorded(few));
        assertEquals(plain(all), sum.histogram());

        LatencyRecorder empty = new LatencyRecorder();
        empty.add(new LatencyRecorder());
        assertEquals(0, empty.count());
        assertEquals(LatencySummary.EMPTY, empty.summary());
    }

    /** The one-pass summary gives HdrHistogram's own figures to the last bit, for any spread of values. */
    @Test
    void theOnePassSummaryEqualsHdrHistogramsOwnFigures() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 3, 9, 10, 100, 999, 1000, 1001, 5000}) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(4) == 0 ? r.nextLong(1, 50) : (long) (3_000_000 * Math.exp(2 * r.nextGaussian()));
            }
            Histogram h = plain(v);
            assertEquals(summaryOf(h), LatencyRecorder.summarise(h), "n = " + n);
        }
    }

    /**
     * Raw values summarise without a histogram to the same bits as through one: zeros, values
     * sharing a bucket, every magnitude from nanoseconds to an hour, up to a full buffer.
     */
    @Test
    void rawValuesSummariseAsTheirHistogramToTheLastBit() {
        SplittableRandom r = new SplittableRandom(12);
        for (int trial = 0; trial < 400; trial++) {
            int n = trial < 20 ? trial + 1 : r.nextInt(1, LatencyRecorder.BUFFERED + 1);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (r.nextInt(5)) {
                    case 0 -> 0;
                    case 1 -> r.nextLong(0, 5_000);
                    case 2 -> 5_000_000 + r.nextLong(0, 3_000);
                    default -> (long) Math.exp(r.nextDouble(0, Math.log(3.6e12)));
                };
            }
            Histogram h = plain(v);
            assertEquals(summaryOf(h), LatencyRecorder.summarise(v, n), "trial " + trial);
            assertEquals(summaryOf(h), recorded(v).summary(), "trial " + trial);
        }
    }

    @Test
    void aKeptSummaryIsDroppedByTheNextValue() {
        LatencyRecorder r = recorded(waits(10, 6));
        LatencySummary before = r.summary();
        r.record(1_000_000_000);
        assertEquals(summaryOf(plain(append(waits(10, 6), 1_000_000_000))), r.summary());
        LatencyRecorder other = new LatencyRecorder();
        other.record(7);
        other.summary();
        other.add(recorded(waits(10, 6)));
        assertEquals(11, other.summary().count());
        assertEquals(10, before.count());
    }

    private static long[] append(long[] values, long last) {
        long[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }

    /**
     * The raw values move into the histogram largest first (one growth instead of one per
     * magnitude), and the histogram is byte for byte the one recording them in order grows into:
     * its size and highest trackable value too, which a saved histogram's header carries.
     */
    @Test
    void rawValuesMoveIntoTheHistogramRecordingThemInOrderWouldGrow() {
        SplittableRandom r = new SplittableRandom(13);
        for (int trial = 0; trial < 50; trial++) {
            int n = LatencyRecorder.BUFFERED + 1 + r.nextInt(100);
            long[] v = new long[n];
            long top = (long) Math.exp(r.nextDouble(Math.log(10), Math.log(3.6e12)));
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(3) == 0 ? r.nextLong(0, 3_000) : r.nextLong(0, top);
            }
            Histogram expected = plain(v);
            Histogram actual = recorded(v).histogram();
            assertEquals(expected.getHighestTrackableValue(), actual.getHighestTrackableValue(), "trial " + trial);
            assertEquals(java.util.Arrays.toString(encoded(expected)), java.util.Arrays.toString(encoded(actual)),
                    "trial " + trial);
        }
    }

    private static byte[] encoded(Histogram h) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoByteBuffer(b);
        return java.util.Arrays.copyOf(b.array(), length);
    }

    @Test
    void aRecorderReadBackFromASavedHistogramHoldsItsCounts() {
        Histogram saved = plain(waits(300, 5));
        assertEquals(saved, LatencyRecorder.copyOf(saved).histogram());
    }
}
