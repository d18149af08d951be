package dev.gilsim.metrics;

import java.util.Arrays;

/**
 * Samples of one quantity over virtual time ("X over time": a heartbeat's loop lag, a thread's
 * return delays, an executor's queue length), for charts. Values are {@code long}s in the
 * series' {@link Unit}, so saving and reading them back is exact.
 *
 * <p>Bounded: at most {@code capacity} points are kept. When full, every second point is dropped
 * and from then on only every second sample is kept (then every fourth, and so on), so a long run
 * keeps an evenly thinned series over its whole length, deterministically. Samples must arrive in
 * time order.
 */
public final class TimeSeries {
    public static final int DEFAULT_CAPACITY = 100_000;

    /** What the values count; charts scale nanoseconds to milliseconds. */
    public enum Unit {
        NANOSECONDS, COUNT
    }

    private final Unit unit;
    private final int capacity;
    private long[] times = new long[64];
    private long[] values = new long[64];
    private int size;
    private long stride = 1;
    private long offered;

    public TimeSeries(Unit unit) {
        this(unit, DEFAULT_CAPACITY);
    }

    public TimeSeries(Unit unit, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a series needs room for at least two points");
        }
        this.unit = unit;
        this.capacity = capacity;
    }

    /** Rebuilds a saved series. */
    public static TimeSeries of(Unit unit, long[] times, long[] values) {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        TimeSeries s = new TimeSeries(unit, Math.max(2, times.length));
        for (int i = 0; i < times.length; i++) {
            s.add(times[i], values[i]);
        }
        return s;
    }

    public void add(long time, long value) {
        if (size > 0 && time < times[size - 1]) {
            throw new IllegalArgumentException("samples must come in time order");
        }
        if (offered++ % stride != 0) {
            return;
        }
        if (size == capacity) {
            thin();
            if ((offered - 1) % stride != 0) {
                return;
            }
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, Math.min(capacity, size * 2));
            values = Arrays.copyOf(values, times.length);
        }
        times[size] = time;
        values[size] = value;
        size++;
    }

    /** Keeps the points at even positions, which are exactly the samples a doubled stride keeps. */
    private void thin() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            times[kept] = times[i];
            values[kept] = values[i];
            kept++;
        }
        size = kept;
        stride *= 2;
    }

    public Unit unit() {
        return unit;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Samples offered, including those thinned out. */
    public long offered() {
        return offered;
    }

    public long[] times() {
        return Arrays.copyOf(times, size);
    }

    public long[] values() {
        return Arrays.copyOf(values, size);
    }
}
