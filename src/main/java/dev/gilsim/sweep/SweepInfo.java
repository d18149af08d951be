package dev.gilsim.sweep;

import dev.gilsim.scenario.SweepPlan;
import java.util.List;

/**
 * What a sweep's result files need besides the points: saved beside them ({@code output.SweepFolder}
 * writes it as {@code plan.json}) so that {@code gilsim merge} can finish shards without the
 * scenario file.
 */
public record SweepInfo(String name, String source, List<String> dimensions, int points, int replications,
        String metric, String x, String series, String fingerprint) {

    public SweepInfo {
        dimensions = List.copyOf(dimensions);
    }

    public static SweepInfo of(SweepPlan p) {
        return new SweepInfo(p.name(), p.source(), p.dimensions(), p.points().size(), p.replications(), p.metric(),
                p.x(), p.series(), p.fingerprint());
    }

    public SweepInfo withMetric(String m) {
        return new SweepInfo(name, source, dimensions, points, replications, m, x, series, fingerprint);
    }
}
