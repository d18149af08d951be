package dev.gilsim.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gilsim.output.AtomicFiles;
import dev.gilsim.report.SummaryJson;
import dev.gilsim.sweep.PointResult;
import dev.gilsim.sweep.Points;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finished sweep points on disk, one file each ({@code points/p00012.json}), written atomically the
 * moment a point completes. A killed sweep leaves only whole files; running it again skips every
 * point whose file belongs to the same sweep (same fingerprint) and runs the rest.
 */
public final class PointStore implements Points {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final String fingerprint;

    public PointStore(Path sweepDir, String fingerprint) {
        this.dir = sweepDir.resolve("points");
        this.fingerprint = fingerprint;
    }

    public Path file(int point) {
        return dir.resolve(String.format(Locale.ROOT, "p%05d.json", point));
    }

    @Override
    public void write(PointResult r) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("fingerprint", fingerprint);
        root.put("point", r.point());
        ArrayNode values = root.putArray("values");
        r.values().forEach(values::add);
        ArrayNode reps = root.putArray("replications");
        for (PointResult.Replication rep : r.replications()) {
            ObjectNode o = reps.addObject();
            o.put("replication", rep.replication());
            o.put("seed", rep.seed());
            ArrayNode variants = o.putArray("variants");
            for (Map.Entry<String, Map<String, Double>> v : rep.variants().entrySet()) {
                ObjectNode vo = variants.addObject();
                vo.put("name", v.getKey());
                ObjectNode metrics = vo.putObject("metrics");
                v.getValue().forEach((k, x) -> SummaryJson.number(metrics, k, x));
            }
        }
        AtomicFiles.write(file(r.point()), out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }

    /** The stored result of a point of this sweep, or null if it is missing, foreign or unreadable. */
    @Override
    public PointResult read(int point) {
        Path f = file(point);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(f.toFile());
            if (!fingerprint.equals(root.path("fingerprint").asText()) || root.path("point").asInt(-1) != point) {
                return null;
            }
            List<String> values = new ArrayList<>();
            root.get("values").forEach(v -> values.add(v.asText()));
            List<PointResult.Replication> reps = new ArrayList<>();
            for (JsonNode rep : root.get("replications")) {
                Map<String, Map<String, Double>> variants = new LinkedHashMap<>();
                for (JsonNode v : rep.get("variants")) {
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    Iterator<Map.Entry<String, JsonNode>> it = v.get("metrics").fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> e = it.next();
                        metrics.put(e.getKey(), e.getValue().doubleValue());
                    }
                    variants.put(v.get("name").asText(), metrics);
                }
                reps.add(new PointResult.Replication(rep.get("replication").asInt(), rep.get("seed").asLong(),
                        variants));
            }
            return new PointResult(point, values, reps);
        } catch (IOException | RuntimeException e) {
            // Not ours or not whole: the point is simply run again.
            return null;
        }
    }
}
