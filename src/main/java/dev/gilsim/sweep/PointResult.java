package dev.gilsim.sweep;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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

    /**
     * The metric's values over the replications that report it. Not every replication reports
     * every metric: pool threads start lazily, so one replication may have a thread another lacks.
     */
    public List<Double> values(String variant, String metric) {
        return replications.stream().map(r -> r.variants().get(variant).get(metric)).filter(Objects::nonNull)
                .toList();
    }

    /** Every metric any replication of the variant reports, in order of first appearance. */
    public List<String> metrics(String variant) {
        Set<String> all = new LinkedHashSet<>();
        for (Replication r : replications) {
            all.addAll(r.variants().get(variant).keySet());
        }
        return List.copyOf(all);
    }
}
