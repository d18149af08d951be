package dev.gilsim.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** For {@link AppMetrics}: one declared pool of one process; per-request instances add up. */
final class PoolStats {
    final String process;
    final String executor;
    final Map<String, Integer> instances = new LinkedHashMap<>();
    final LatencyRecorder queueWait = new LatencyRecorder();
    final TimeSeries lengthSeries = new TimeSeries(TimeSeries.Unit.COUNT);
    int length;
    long since;
    long area;
    long max;
    long submitted;
    long completed;
    long submittedTotal;
    long completedTotal;
    long workersStarted;

    PoolStats(String process, String executor) {
        this.process = process;
        this.executor = executor;
    }

    void queueLength(String instance, int newLength, long now, Window w) {
        int old = instances.getOrDefault(instance, 0);
        instances.put(instance, newLength);
        advance(now, w);
        length += newLength - old;
        if (w.contains(now)) {
            max = Math.max(max, length);
            lengthSeries.add(now, length);
        }
    }

    private void advance(long now, Window w) {
        long overlap = w.overlap(since, now);
        area += length * overlap;
        if (overlap > 0) {
            max = Math.max(max, length);
        }
        since = now;
    }

    void close(Window w) {
        advance(w.end(), w);
    }
}
