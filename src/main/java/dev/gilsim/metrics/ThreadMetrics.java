package dev.gilsim.metrics;

import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.ThreadState;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one thread did inside the measurement window. */
public final class ThreadMetrics {
    private final PyThread thread;
    private final long[] nanosIn = new long[ThreadState.values().length];
    private final LatencyRecorder gilWaits = new LatencyRecorder();
    private final LatencyRecorder returnDelays = new LatencyRecorder();
    private LatencyRecorder iterationTimes;
    long lastIterationEnd = -1;
    /** Per step label, in the order labels first ran; created on the first labelled step. */
    private Map<String, LatencyRecorder> labelTimes;
    private String openLabel;
    private long openLabelSince;
    private ThreadState state = ThreadState.NOT_STARTED;
    private long since;
    long acquisitions;
    long switchesIn;
    long iterations;
    long forcedDrops;
    long voluntaryDrops;
    long dropRequestsMade;
    long dropRequestsReceived;

    ThreadMetrics(PyThread thread) {
        this.thread = thread;
    }

    public PyThread thread() {
        return thread;
    }

    void enter(ThreadState next, long now, Window window) {
        nanosIn[state.ordinal()] += window.overlap(since, now);
        state = next;
        since = now;
    }

    void close(Window window) {
        enter(state, window.end(), window);
    }

    public long nanosIn(ThreadState s) {
        return nanosIn[s.ordinal()];
    }

    public LatencyRecorder gilWaits() {
        return gilWaits;
    }

    public LatencyRecorder returnDelays() {
        return returnDelays;
    }

    /**
     * Time from the end of one pass of the thread's program to the end of the next, inside the
     * window: a loop's per-operation time, as a probe timing each call sees it. Created on the
     * first pass, so threads that never loop cost nothing.
     */
    public LatencyRecorder iterationTimes() {
        return iterationTimes == null ? new LatencyRecorder() : iterationTimes;
    }

    void iterationEnded(long now, Window window) {
        if (window.contains(now)) {
            iterations++;
            if (lastIterationEnd >= window.start()) {
                if (iterationTimes == null) {
                    iterationTimes = new LatencyRecorder();
                }
                iterationTimes.record(now - lastIterationEnd);
            }
        }
        lastIterationEnd = now;
    }

    /**
     * Times of the runs of steps named {@code label}: from the first of a run of consecutive steps
     * with that label starting to the next step (or another label) starting, GIL waits included,
     * so a probe that times one call of a loop and the model agree on what an operation is. Only
     * runs that began and ended inside the window count; empty if the label never ran.
     */
    public LatencyRecorder labelTimes(String label) {
        LatencyRecorder r = labelTimes == null ? null : labelTimes.get(label);
        return r == null ? new LatencyRecorder() : r;
    }

    void labelChanged(String label, long now, Window window) {
        if (openLabel != null && window.contains(openLabelSince) && window.contains(now)) {
            if (labelTimes == null) {
                labelTimes = new LinkedHashMap<>();
            }
            labelTimes.computeIfAbsent(openLabel, k -> new LatencyRecorder()).record(now - openLabelSince);
        }
        openLabel = label;
        openLabelSince = now;
    }

    public long acquisitions() {
        return acquisitions;
    }

    /** Acquisitions that changed the holder: what CPython counts in switch_number. */
    public long switchesIn() {
        return switchesIn;
    }

    public long iterations() {
        return iterations;
    }

    public long forcedDrops() {
        return forcedDrops;
    }

    public long voluntaryDrops() {
        return voluntaryDrops;
    }

    public long dropRequestsMade() {
        return dropRequestsMade;
    }

    public long dropRequestsReceived() {
        return dropRequestsReceived;
    }
}
