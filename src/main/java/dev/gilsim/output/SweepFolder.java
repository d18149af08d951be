package dev.gilsim.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gilsim.scenario.SweepPlan;
import dev.gilsim.sweep.PointResult;
import dev.gilsim.sweep.Progress;
import dev.gilsim.sweep.Shard;
import dev.gilsim.sweep.SweepInfo;
import dev.gilsim.sweep.SweepRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's folder, {@code <out>/<scenario>/sweep/}: {@code plan.json}, {@code points/} (one file
 * per finished point, to resume and to merge shards) and, once every point is in, the files of
 * {@link SweepOutputs}. The sweep engine runs the points and names their metrics from the
 * registry ({@code results.RunFigures}); this class gives it where to keep them.
 */
public final class SweepFolder {
    public static final String PLAN = "plan.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepFolder() {
    }

    /** A runner of the plan's points (this shard's) that keeps each finished point in {@code dir}. */
    public static SweepRunner runner(SweepPlan plan, Path dir, int jobs, Shard shard, Progress progress) {
        return new SweepRunner(plan, new PointStore(dir, plan.fingerprint()), jobs, shard, progress);
    }

    /** The sweep's points read back from the given folders (shards), in order; missing ones are listed. */
    public static List<PointResult> collect(SweepInfo info, List<Path> sweepDirs, List<Integer> missing) {
        List<PointStore> stores = sweepDirs.stream().map(d -> new PointStore(d, info.fingerprint())).toList();
        List<PointResult> out = new ArrayList<>();
        for (int i = 0; i < info.points(); i++) {
            PointResult found = null;
            for (PointStore s : stores) {
                found = s.read(i);
                if (found != null) {
                    break;
                }
            }
            if (found == null) {
                missing.add(i);
            } else {
                out.add(found);
            }
        }
        return out;
    }

    public static void writeInfo(SweepInfo info, Path file) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("fingerprint", info.fingerprint());
        root.put("scenario", info.name());
        root.put("source", info.source().replace('\\', '/'));
        ArrayNode dims = root.putArray("dimensions");
        info.dimensions().forEach(dims::add);
        root.put("points", info.points());
        root.put("replications", info.replications());
        root.put("metric", info.metric());
        root.put("x", info.x());
        root.put("series", info.series());
        AtomicFiles.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }

    public static SweepInfo readInfo(Path file) throws IOException {
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
