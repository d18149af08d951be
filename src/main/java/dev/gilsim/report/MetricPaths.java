package dev.gilsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every number of one variant of a saved summary.json under a dotted path, for what reads runs
 * back from their files ({@code gilsim diff}): {@code core_utilisation},
 * {@code threads.app/sleeper.return_delay.p99_ms}, {@code processes.app.switches}. List items are
 * named by their {@code name} (prefixed with their {@code process} where they have one); an item
 * without a name by its index. The names are those of the registry ({@code results.RunFigures}),
 * which names a run in memory the same way (MetricPathsTest).
 */
public final class MetricPaths {
    /**
     * Numbers that describe the run rather than measure it, and the chart data, which the figures
     * summarise.
     */
    private static final Set<String> NOT_METRICS = Set.of("seed", "format_version", "duration_s", "warmup_s",
            "cores", "chart_data");

    private MetricPaths() {
    }

    public static Map<String, Double> flatten(JsonNode variant) {
        Map<String, Double> out = new LinkedHashMap<>();
        walk(variant, "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, Map<String, Double> out) {
        if (node.isNumber()) {
            out.put(path, node.doubleValue());
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (path.isEmpty() && NOT_METRICS.contains(f.getKey())) {
                    continue;
                }
                walk(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "." + itemName(node.get(i), i), out);
            }
        }
    }

    private static String itemName(JsonNode item, int index) {
        JsonNode name = item.get("name");
        if (name == null || !name.isTextual()) {
            return Integer.toString(index);
        }
        JsonNode process = item.get("process");
        return process != null && process.isTextual() ? process.asText() + "/" + name.asText() : name.asText();
    }
}
