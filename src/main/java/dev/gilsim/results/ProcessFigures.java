package dev.gilsim.results;

import static dev.gilsim.results.Figure.Unit.COUNT;
import static dev.gilsim.results.Figure.Unit.FRACTION;

import dev.gilsim.interpreter.ThreadState;
import dev.gilsim.metrics.LatencyRecorder;
import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.ProcessMetrics;
import dev.gilsim.metrics.ThreadMetrics;
import dev.gilsim.run.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The registry of per-process figures, as {@link ThreadFigures} is of per-thread ones: every
 * figure a process has, once, in {@code summary.json}'s order, each with how it is computed from
 * what was recorded of the process's threads ({@link ProcessMetrics}). {@code summary.json}, the
 * sweeps' metric names and {@code --fail-if} iterate this list through
 * {@link RunFigures#PROCESSES}, so a new figure is one entry here.
 */
public final class ProcessFigures {
    private static final List<Entry> ENTRIES = List.of(
            number("gil_held_fraction", FRACTION, "share of the window some thread held the GIL",
                    p -> p.hasGil() ? sum(p, ProcessFigures::heldNanos) / p.windowNanos() : 0),
            count("acquisitions", "times a thread took the GIL", ThreadMetrics::acquisitions),
            count("switches", "times the GIL passed to another thread", ThreadMetrics::switchesIn),
            count("forced_drops", "drops a holder made because it was asked to", ThreadMetrics::forcedDrops),
            count("voluntary_drops", "drops a holder made to block or finish", ThreadMetrics::voluntaryDrops),
            count("drop_requests", "drop requests waiting threads made", ThreadMetrics::dropRequestsMade),
            distribution("gil_wait", "from wanting the GIL to holding it, every thread", ThreadMetrics::gilWaits));

    /** Every per-process figure, in the registry's order. */
    public static final List<Figure<ProcessSummary>> ALL = ENTRIES.stream().map(Entry::figure).toList();

    private ProcessFigures() {
    }

    /** A figure with how it is computed: {@code measure} for a number, {@code merged} for a distribution. */
    private record Entry(Figure<ProcessSummary> figure, ToDoubleFunction<ProcessMetrics> measure,
            Function<ThreadMetrics, LatencyRecorder> merged) {
    }

    private static Entry number(String name, Figure.Unit unit, String description,
            ToDoubleFunction<ProcessMetrics> measure) {
        return new Entry(Figure.number(name, unit, description, p -> p.number(name)), measure, null);
    }

    /** A count summed over the process's threads. */
    private static Entry count(String name, String description, ToLongFunction<ThreadMetrics> perThread) {
        return number(name, COUNT, description, p -> sum(p, perThread));
    }

    /** A distribution merged over the process's threads. */
    private static Entry distribution(String name, String description, Function<ThreadMetrics, LatencyRecorder> read) {
        return new Entry(Figure.distribution(name, description, p -> p.distribution(name)), null, read);
    }

    private static long heldNanos(ThreadMetrics m) {
        return m.nanosIn(ThreadState.HOLDING) + m.nanosIn(ThreadState.HOLDING_NATIVE)
                + m.nanosIn(ThreadState.HOLDING_DESCHEDULED);
    }

    private static long sum(ProcessMetrics p, ToLongFunction<ThreadMetrics> perThread) {
        long total = 0;
        for (ThreadMetrics m : p.threads()) {
            total += perThread.applyAsLong(m);
        }
        return total;
    }

    /** Every process's figures of a finished run, in the run's order of processes. */
    public static List<ProcessSummary> of(RunResult run) {
        return run.summary().processes().stream().map(ProcessFigures::of).toList();
    }

    static ProcessSummary of(ProcessMetrics p) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, LatencySummary> distributions = new LinkedHashMap<>();
        for (Entry e : ENTRIES) {
            if (e.merged() != null) {
                LatencyRecorder all = new LatencyRecorder();
                for (ThreadMetrics m : p.threads()) {
                    all.add(e.merged().apply(m));
                }
                distributions.put(e.figure().name(), all.summary());
            } else {
                numbers.put(e.figure().name(), e.measure().applyAsDouble(p));
            }
        }
        return new ProcessSummary(p.process(), p.build(), numbers, distributions);
    }
}
