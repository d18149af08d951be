package dev.gilsim.results;

import static dev.gilsim.results.Figure.Unit.COUNT;
import static dev.gilsim.results.Figure.Unit.MILLISECONDS;

import dev.gilsim.metrics.LatencySummary;
import java.util.List;
import java.util.function.Function;

/**
 * The statistics every distribution is written as, in this order: {@code count}, {@code mean_ms},
 * {@code p50_ms}, {@code p90_ms}, {@code p99_ms}, {@code p99_9_ms}, {@code max_ms}.
 * {@code summary.json} nests them under the distribution's name ({@code gil_wait.p99_ms}),
 * {@code threads.csv} joins them to it ({@code gil_wait_p99_ms}).
 */
public final class LatencyFigures {
    public static final List<Figure<LatencySummary>> STATS = List.of(
            Figure.number("count", COUNT, "samples", LatencySummary::count),
            Figure.number("mean_ms", MILLISECONDS, "the mean", LatencySummary::meanMs),
            Figure.number("p50_ms", MILLISECONDS, "the median", LatencySummary::p50Ms),
            Figure.number("p90_ms", MILLISECONDS, "the 90th percentile", LatencySummary::p90Ms),
            Figure.number("p99_ms", MILLISECONDS, "the 99th percentile", LatencySummary::p99Ms),
            Figure.number("p99_9_ms", MILLISECONDS, "the 99.9th percentile", LatencySummary::p999Ms),
            Figure.number("max_ms", MILLISECONDS, "the largest sample", LatencySummary::maxMs));

    private LatencyFigures() {
    }

    /** The statistics of a subject's distribution as figures of the subject itself (a loop's lag). */
    static <T> List<Figure<T>> of(String what, Function<T, LatencySummary> read) {
        return STATS.stream().map(s -> Figure.<T>number(s.name(), s.unit(), s.description() + " of " + what,
                t -> s.value(read.apply(t)))).toList();
    }
}
