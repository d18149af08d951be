package dev.gilsim.metrics;

/**
 * The percentiles of one latency distribution, in milliseconds for people; {@code count} is the
 * number of samples. An empty distribution reports zeros with count 0.
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
        double maxMs) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);
}
