package dev.gilsim.results;

import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.ThreadSummary;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One figure of a thread, as every output names and reads it: {@code name} (with its unit, as in
 * {@code summary.json} and {@code threads.csv}), what it means, and how to read it from a
 * {@link ThreadSummary}. A number ({@link Unit#FRACTION}, {@link Unit#PER_SECOND},
 * {@link Unit#COUNT}) is read by {@code number}; a distribution ({@link Unit#MILLISECONDS}) by
 * {@code distribution}, and is written as its count, mean and percentiles.
 *
 * <p>The compact tables (the console's and report.html's) show a figure only under a heading:
 * {@code console} and {@code html} are those headings, null where the figure is left to the
 * files; a distribution shows the {@code stats} it names.
 */
public record ThreadFigure(String name, Unit unit, String description, ToDoubleFunction<ThreadSummary> number,
        Function<ThreadSummary, LatencySummary> distribution, String console, String html, List<Stat> stats) {

    /** What a figure counts or measures, which also says how it is printed. */
    public enum Unit {
        /** A share of the measured window, 0 to 1. */
        FRACTION,
        /** Per second of the measured window. */
        PER_SECOND,
        /** A whole number of events in the measured window. */
        COUNT,
        /** A distribution of durations, in milliseconds. */
        MILLISECONDS
    }

    /** A statistic of a distribution that a compact table shows. */
    public enum Stat {
        P50("p50", LatencySummary::p50Ms),
        P99("p99", LatencySummary::p99Ms),
        MAX("max", LatencySummary::maxMs);

        private final String heading;
        private final ToDoubleFunction<LatencySummary> read;

        Stat(String heading, ToDoubleFunction<LatencySummary> read) {
            this.heading = heading;
            this.read = read;
        }

        public String heading() {
            return heading;
        }

        public double ms(LatencySummary l) {
            return read.applyAsDouble(l);
        }
    }

    public ThreadFigure {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        if ((unit == Unit.MILLISECONDS) != (distribution != null) || (number == null) == (distribution == null)) {
            throw new IllegalArgumentException(name + ": a distribution in ms, or a number in another unit");
        }
        stats = List.copyOf(stats);
    }

    static ThreadFigure number(String name, Unit unit, String description, ToDoubleFunction<ThreadSummary> read,
            String console, String html) {
        return new ThreadFigure(name, unit, description, read, null, console, html, List.of());
    }

    static ThreadFigure distribution(String name, String description, Function<ThreadSummary, LatencySummary> read,
            String console, List<Stat> stats) {
        return new ThreadFigure(name, Unit.MILLISECONDS, description, null, read, console, null, stats);
    }

    public boolean isDistribution() {
        return distribution != null;
    }

    /** The figure of a number (a count exactly, below 2^53). */
    public double value(ThreadSummary t) {
        return number.applyAsDouble(t);
    }

    public long count(ThreadSummary t) {
        return (long) number.applyAsDouble(t);
    }

    public LatencySummary latency(ThreadSummary t) {
        return distribution.apply(t);
    }
}
