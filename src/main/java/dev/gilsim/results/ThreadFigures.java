package dev.gilsim.results;

import static dev.gilsim.results.Figure.Unit.COUNT;
import static dev.gilsim.results.Figure.Unit.FRACTION;
import static dev.gilsim.results.Figure.Unit.PER_SECOND;

import dev.gilsim.metrics.ThreadSummary;
import dev.gilsim.results.Figure.Stat;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of per-thread figures: every figure a thread has, once, in the order of
 * {@code summary.json}'s thread objects and {@code threads.csv}'s columns. The console's thread
 * table, report.html's, {@code threads.csv}, {@code summary.json} (and with it the sweeps' metric
 * names, {@code diff} and {@code --fail-if}) and {@code chart-data.json} all iterate this list, so
 * a new figure is one entry here and its field in {@link ThreadSummary}.
 */
public final class ThreadFigures {
    public static final List<Figure<ThreadSummary>> ALL = List.of(
            Figure.number("held_fraction", FRACTION, "holding the GIL, running Python or a native call",
                    ThreadSummary::heldFraction, "held", "held"),
            Figure.number("waiting_fraction", FRACTION, "waiting for the GIL, in take_gil",
                    ThreadSummary::waitingFraction, "wait", "waiting"),
            Figure.number("io_fraction", FRACTION, "blocked in I/O or sleep, GIL released, no core",
                    ThreadSummary::ioFraction, "io", "I/O"),
            Figure.number("native_released_fraction", FRACTION,
                    "in a native call or syscall that released the GIL, on a core or waiting for one",
                    ThreadSummary::nativeReleasedFraction, null, "native"),
            Figure.number("blocked_fraction", FRACTION,
                    "waiting to be woken by another thread (an idle pool worker, a loop in its selector)",
                    ThreadSummary::blockedFraction, null, "blocked"),
            Figure.number("on_core_fraction", FRACTION, "running on a core, with or without the GIL",
                    ThreadSummary::onCoreFraction, "on-core", "on core"),
            Figure.number("descheduled_fraction", FRACTION, "ready to run but with no core (C2)",
                    ThreadSummary::descheduledFraction, null, null),
            Figure.number("iterations", COUNT, "passes through the thread's program",
                    ThreadSummary::iterations, null, null),
            Figure.number("iterations_per_s", PER_SECOND, "passes through the thread's program per second",
                    ThreadSummary::iterationsPerSecond, "loops/s", "loops/s"),
            Figure.number("acquisitions", COUNT, "times the thread took the GIL",
                    ThreadSummary::acquisitions, "acq", "acquisitions"),
            Figure.number("forced_drops", COUNT, "times the thread let go of the GIL because it was asked to",
                    ThreadSummary::forcedDrops, "forced", "forced drops"),
            Figure.number("voluntary_drops", COUNT, "times the thread let go of the GIL to block or finish",
                    ThreadSummary::voluntaryDrops, null, null),
            Figure.number("drop_requests_made", COUNT,
                    "times the thread, waiting a switch interval, asked the holder to drop the GIL",
                    ThreadSummary::dropRequestsMade, "asks", "drop requests"),
            Figure.number("drop_requests_received", COUNT, "drop requests the thread received while holding",
                    ThreadSummary::dropRequestsReceived, null, null),
            Figure.distribution("gil_wait", "from wanting the GIL to holding it",
                    ThreadSummary::gilWait, "gil-wait", List.of(Stat.P50, Stat.P99)),
            Figure.distribution("return_delay",
                    "from the intended end of a blocking call (sleep, I/O, a releasing native call) to running "
                            + "Python again", ThreadSummary::returnDelay, "return", List.of(Stat.P50, Stat.P99, Stat.MAX)));

    /**
     * The figure the compact tables show first: how much a thread got done is what a reader looks
     * for before where its time went.
     */
    static final String LEADS_THE_TABLES = "iterations_per_s";

    private ThreadFigures() {
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
