package dev.gilsim.sweep;

import java.util.List;
import java.util.Map;

/**
 * The results of one sweep point: for each replication, each variant's metrics by path.
 *
 * @param values the point's value of each swept field, as written
 */
public record PointResult(int point, List<String> values, List<Replication> replications) {

    public PointResult {
        values = List.copyOf(values);
        replications = List.copyOf(replications);
    }

    /** One replication: its seed and, per variant (in the scenario's order), metric path to value. */
    public record Replication(int replication, long seed, Map<String, Map<String, Double>> variants) {
    }

    public List<String> variantNames() {
        return List.copyOf(replications.get(0).variants().keySet());
    }

    public List<Double> values(String variant, String metric) {
        return replications.stream().map(r -> r.variants().get(variant).get(metric)).toList();
    }
}
