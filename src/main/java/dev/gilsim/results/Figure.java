package dev.gilsim.results;

import dev.gilsim.metrics.LatencySummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One named figure of a subject of a run (the run itself, a process, a thread, a loop, an
 * endpoint, a pool, a job queue), as every output names and reads it: {@code name} (with its
 * unit, as in {@code summary.json}), what it means, and how to read it from the subject's
 * summary. A number is read by {@code number}; a distribution ({@link Unit#DISTRIBUTION}) by
 * {@code distribution}, and is shown as its {@link LatencyFigures#STATS statistics}.
 *
 * <p>The compact tables (the console's and report.html's, for threads) show a figure only under a
 * heading: {@code console} and {@code html} are those headings, null where the figure is left to
 * the files; a distribution shows the {@code stats} it names there.
 *
 * @param <T> the summary it is read from ({@code ThreadSummary}, {@code AppSummary.Endpoint}, ...)
 */
public record Figure<T>(String name, Unit unit, String description, ToDoubleFunction<T> number,
        Function<T, LatencySummary> distribution, String console, String html, List<Stat> stats) {

    /** What a figure counts or measures, which also says how it is printed. */
    public enum Unit {
        /** A share of the measured window (or of the cores' time), 0 to 1. */
        FRACTION,
        /** Per second of the measured window. */
        PER_SECOND,
        /** A whole number of events (or of things, at most at once). */
        COUNT,
        /** An average over the window of a number of things (tasks waiting). */
        MEAN,
        /** One duration, in milliseconds. */
        MILLISECONDS,
        /** A distribution of durations in milliseconds: its count, mean and percentiles. */
        DISTRIBUTION
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

    public Figure {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        if ((unit == Unit.DISTRIBUTION) != (distribution != null) || (number == null) == (distribution == null)) {
            throw new IllegalArgumentException(name + ": a distribution, or a number in another unit");
        }
        stats = List.copyOf(stats);
    }

    /** A number shown in no compact table. */
    public static <T> Figure<T> number(String name, Unit unit, String description, ToDoubleFunction<T> read) {
        return number(name, unit, description, read, null, null);
    }

    public static <T> Figure<T> number(String name, Unit unit, String description, ToDoubleFunction<T> read,
            String console, String html) {
        return new Figure<>(name, unit, description, read, null, console, html, List.of());
    }

    /** A distribution shown in no compact table. */
    public static <T> Figure<T> distribution(String name, String description, Function<T, LatencySummary> read) {
        return distribution(name, description, read, null, List.of());
    }

    public static <T> Figure<T> distribution(String name, String description, Function<T, LatencySummary> read,
            String console, List<Stat> stats) {
        return new Figure<>(name, Unit.DISTRIBUTION, description, null, read, console, null, stats);
    }

    public boolean isDistribution() {
        return distribution != null;
    }

    /** The figure of a number (a count exactly, below 2^53). */
    public double value(T subject) {
        return number.applyAsDouble(subject);
    }

    public long count(T subject) {
        return (long) number.applyAsDouble(subject);
    }

    public LatencySummary latency(T subject) {
        return distribution.apply(subject);
    }

    /**
     * Six decimals, the precision every output keeps: nanosecond resolution for milliseconds, and
     * the same text on every platform, so equal runs give byte-identical files and a sweep's values
     * equal the runs' {@code summary.json}.
     */
    public static BigDecimal round(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal b = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
