package dev.gilsim.results;

import static dev.gilsim.interpreter.ThreadState.BLOCKED;
import static dev.gilsim.interpreter.ThreadState.GIL_WAIT;
import static dev.gilsim.interpreter.ThreadState.HOLDING;
import static dev.gilsim.interpreter.ThreadState.HOLDING_DESCHEDULED;
import static dev.gilsim.interpreter.ThreadState.HOLDING_NATIVE;
import static dev.gilsim.interpreter.ThreadState.IO;
import static dev.gilsim.interpreter.ThreadState.NATIVE_DESCHEDULED;
import static dev.gilsim.interpreter.ThreadState.NATIVE_RELEASED;
import static dev.gilsim.results.Figure.Unit.COUNT;
import static dev.gilsim.results.Figure.Unit.FRACTION;
import static dev.gilsim.results.Figure.Unit.PER_SECOND;

import dev.gilsim.interpreter.ThreadState;
import dev.gilsim.metrics.LatencyRecorder;
import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.ThreadMetrics;
import dev.gilsim.results.Figure.Stat;
import dev.gilsim.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The registry of per-thread figures: every figure a thread has, once, in the order of
 * {@code summary.json}'s thread objects and {@code threads.csv}'s columns, each with how it is
 * computed from the thread's recorded metrics ({@link ThreadMetrics}). The console's thread
 * table, report.html's, {@code threads.csv}, {@code summary.json} (and with it the sweeps' metric
 * names, {@code diff}, {@code --fail-if} and the read-back of a saved run) all iterate this list,
 * and a {@link ThreadSummary} keeps the values by name, so a new figure is one entry here (and,
 * for a new kind of measurement, where {@code metrics} records it).
 */
public final class ThreadFigures {
    private static final List<Entry> ENTRIES = List.of(
            fraction("held_fraction", "holding the GIL, running Python or a native call", "held", "held",
                    HOLDING, HOLDING_NATIVE, HOLDING_DESCHEDULED),
            fraction("waiting_fraction", "waiting for the GIL, in take_gil", "wait", "waiting", GIL_WAIT),
            fraction("io_fraction", "blocked in I/O or sleep, GIL released, no core", "io", "I/O", IO),
            fraction("native_released_fraction",
                    "in a native call or syscall that released the GIL, on a core or waiting for one", null, "native",
                    NATIVE_RELEASED, NATIVE_DESCHEDULED),
            fraction("blocked_fraction",
                    "waiting to be woken by another thread (an idle pool worker, a loop in its selector)", null,
                    "blocked", BLOCKED),
            fraction("on_core_fraction", "running on a core, with or without the GIL", "on-core", "on core",
                    HOLDING, HOLDING_NATIVE, NATIVE_RELEASED),
            fraction("descheduled_fraction", "ready to run but with no core (C2)", null, null,
                    HOLDING_DESCHEDULED, NATIVE_DESCHEDULED),
            count("iterations", "passes through the thread's program", ThreadMetrics::iterations, null, null),
            number("iterations_per_s", PER_SECOND, "passes through the thread's program per second",
                    (m, windowNanos) -> m.iterations() / (windowNanos / 1e9), "loops/s", "loops/s"),
            count("acquisitions", "times the thread took the GIL", ThreadMetrics::acquisitions, "acq",
                    "acquisitions"),
            // A CPU-bound thread keeps the GIL about a switch interval each time; a thread in a convoy
            // (G9) only microseconds before its next blocking call gives it away again.
            number("mean_hold_ms", Figure.Unit.MILLISECONDS,
                    "the time the thread kept the GIL each time it took it, on average",
                    (m, windowNanos) -> m.acquisitions() == 0 ? 0
                            : (m.nanosIn(HOLDING) + m.nanosIn(HOLDING_NATIVE) + m.nanosIn(HOLDING_DESCHEDULED))
                                    / 1e6 / m.acquisitions(), null, null),
            count("forced_drops", "times the thread let go of the GIL because it was asked to",
                    ThreadMetrics::forcedDrops, "forced", "forced drops"),
            count("voluntary_drops", "times the thread let go of the GIL to block or finish",
                    ThreadMetrics::voluntaryDrops, null, null),
            count("drop_requests_made", "times the thread, waiting a switch interval, asked the holder to drop the GIL",
                    ThreadMetrics::dropRequestsMade, "asks", "drop requests"),
            count("drop_requests_received", "drop requests the thread received while holding",
                    ThreadMetrics::dropRequestsReceived, null, null),
            distribution("gil_wait", "from wanting the GIL to holding it", ThreadMetrics::gilWaits, "gil-wait",
                    List.of(Stat.P50, Stat.P99)),
            distribution("return_delay", "from the intended end of a blocking call (sleep, I/O, a releasing native "
                    + "call) to running Python again", ThreadMetrics::returnDelays, "return",
                    List.of(Stat.P50, Stat.P99, Stat.MAX)));

    /** Every per-thread figure, in the registry's order. */
    public static final List<Figure<ThreadSummary>> ALL = ENTRIES.stream().map(Entry::figure).toList();

    /**
     * The figure the compact tables show first: how much a thread got done is what a reader looks
     * for before where its time went.
     */
    static final String LEADS_THE_TABLES = "iterations_per_s";

    private ThreadFigures() {
    }

    /** How a number is computed from what was recorded of a thread and the window's length. */
    @FunctionalInterface
    private interface Measure {
        double of(ThreadMetrics m, double windowNanos);
    }

    /** A figure with how it is computed: {@code measure} for a number, {@code recorded} for a distribution. */
    private record Entry(Figure<ThreadSummary> figure, Measure measure,
            Function<ThreadMetrics, LatencyRecorder> recorded) {
    }

    /** A share of the window: the time spent in any of {@code states}. */
    private static Entry fraction(String name, String description, String console, String html,
            ThreadState... states) {
        return number(name, FRACTION, description, (m, windowNanos) -> {
            long nanos = 0;
            for (ThreadState s : states) {
                nanos += m.nanosIn(s);
            }
            return nanos / windowNanos;
        }, console, html);
    }

    private static Entry count(String name, String description, ToLongFunction<ThreadMetrics> read, String console,
            String html) {
        return number(name, COUNT, description, (m, windowNanos) -> read.applyAsLong(m), console, html);
    }

    private static Entry number(String name, Figure.Unit unit, String description, Measure measure, String console,
            String html) {
        return new Entry(Figure.number(name, unit, description, t -> t.number(name), console, html), measure, null);
    }

    private static Entry distribution(String name, String description, Function<ThreadMetrics, LatencyRecorder> read,
            String console, List<Stat> stats) {
        return new Entry(Figure.distribution(name, description, t -> t.distribution(name), console, stats), null,
                read);
    }

    /** Every thread's figures of a finished run, in the run's order of threads. */
    public static List<ThreadSummary> of(RunResult run) {
        double windowNanos = run.metrics().window().length();
        return run.metrics().threads().stream().map(m -> of(m, windowNanos)).toList();
    }

    static ThreadSummary of(ThreadMetrics m, double windowNanos) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, LatencySummary> distributions = new LinkedHashMap<>();
        for (Entry e : ENTRIES) {
            if (e.recorded() != null) {
                distributions.put(e.figure().name(), e.recorded().apply(m).summary());
            } else {
                numbers.put(e.figure().name(), e.measure().of(m, windowNanos));
            }
        }
        return new ThreadSummary(m.thread().interpreter().name(), m.thread().name(), numbers, distributions);
    }

    /** The figures the console's thread table shows, in its column order. */
    public static List<Figure<ThreadSummary>> console() {
        return compact(ALL.stream().filter(f -> f.console() != null).toList());
    }

    /** The figures report.html's thread table shows, in its column order. */
    public static List<Figure<ThreadSummary>> html() {
        return compact(ALL.stream().filter(f -> f.html() != null).toList());
    }

    private static List<Figure<ThreadSummary>> compact(List<Figure<ThreadSummary>> shown) {
        List<Figure<ThreadSummary>> out = new ArrayList<>(shown.stream().filter(f -> f.name().equals(LEADS_THE_TABLES)).toList());
        shown.stream().filter(f -> !f.name().equals(LEADS_THE_TABLES)).forEach(out::add);
        return List.copyOf(out);
    }
}
