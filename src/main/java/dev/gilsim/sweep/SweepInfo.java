package dev.gilsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gilsim.report.AtomicFiles;
import dev.gilsim.scenario.SweepPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep's result files need besides the points, saved as {@code plan.json} beside them so
 * that {@code gilsim merge} can finish shards without the scenario file.
 */
public record SweepInfo(String name, String source, List<String> dimensions, int points, int replications,
        String metric, String x, String series, String fingerprint) {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    public void write(Path file) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("fingerprint", fingerprint);
        root.put("scenario", name);
        root.put("source", source.replace('\\', '/'));
        ArrayNode dims = root.putArray("dimensions");
        dimensions.forEach(dims::add);
        root.put("points", points);
        root.put("replications", replications);
        root.put("metric", metric);
        root.put("x", x);
        root.put("series", series);
        AtomicFiles.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }

    public static SweepInfo read(Path file) throws IOException {
        JsonNode r = JSON.readTree(file.toFile());
        List<String> dims = new ArrayList<>();
        r.get("dimensions").forEach(d -> dims.add(d.asText()));
        return new SweepInfo(r.get("scenario").asText(), r.get("source").asText(), dims, r.get("points").asInt(),
                r.get("replications").asInt(), text(r, "metric"), text(r, "x"), text(r, "series"),
                r.get("fingerprint").asText());
    }

    private static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
