package dev.gilsim.scenario;

import java.util.List;

/**
 * A sweep, bound and checked: the points to run (each a fully loaded scenario file), how many
 * replications each gets, and which metric and dimensions a chart shows by default.
 *
 * @param dimensions the swept field paths, in order (grid dimensions, or the keys of explicit points)
 * @param metric the default chart metric (a dotted path into a variant of summary.json), or null
 * @param metricLocation where the metric was written, for a located error if no run reports it
 * @param x the dimension on the chart's x axis, or null when there is no dimension
 * @param series the dimension drawn as one line per value, or null
 * @param fingerprint identifies the sweep's content; points saved by another sweep are not reused
 */
public record SweepPlan(
        String name,
        String source,
        List<String> dimensions,
        List<SweepPoint> points,
        int replications,
        String metric,
        Location metricLocation,
        String x,
        String series,
        String fingerprint) {

    public SweepPlan {
        dimensions = List.copyOf(dimensions);
        points = List.copyOf(points);
    }
}
