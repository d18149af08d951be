package dev.gilsim.scenario;

import dev.gilsim.executor.PoolDefaults;
import dev.gilsim.interpreter.PythonVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The defaults file ({@code dev/gilsim/defaults.yaml}): scenario-shaped defaults that a scenario
 * is merged over, and the tables that depend on the Python version.
 */
public final class Defaults {
    static final String RESOURCE = "/dev/gilsim/defaults.yaml";
    static final String FILE = "defaults.yaml";

    private final MapNode scenarioDefaults;
    private final Map<PythonVersion, MapNode> versions = new LinkedHashMap<>();
    private final MapNode processStart;
    private final MapNode steps;
    private final MapNode server;
    private final MapNode executors;
    private final MapNode items;
    private final MapNode sweep;

    private final MapNode root;
    /** The text every default came from (defaults.yaml, then any profile): a sweep's fingerprint. */
    private final String sourceText;

    private Defaults(MapNode root, String sourceText) {
        this.root = root;
        this.sourceText = sourceText;
        MapNode base = root;
        MapReader r = MapReader.of(root, null);
        MapReader table = r.map("versions");
        for (Map.Entry<String, Node> e : table.entries().entrySet()) {
            PythonVersion v = PythonVersion.parse(e.getKey())
                    .orElseThrow(() -> InputException.at(e.getValue(), "unknown version " + e.getKey(), null));
            versions.put(v, (MapNode) e.getValue());
        }
        processStart = r.map("process_start").node();
        steps = r.map("steps").node();
        server = r.map("server").node();
        executors = r.map("executors").node();
        items = r.map("items").node();
        sweep = r.map("sweep").node();
        for (String key : new String[] {"versions", "process_start", "steps", "server", "executors", "items", "sweep"}) {
            base = base.without(key);
        }
        this.scenarioDefaults = base;
    }

    private static final Defaults INSTANCE = load();

    public static Defaults get() {
        return INSTANCE;
    }

    /**
     * These defaults with a machine profile merged over them: a file in the shape of defaults.yaml
     * (any subset) that {@code gilsim calibrate} writes for one machine. A field the defaults do not
     * have is a located error, so a misspelt profile cannot be ignored silently.
     */
    public static Defaults withProfile(java.nio.file.Path file) {
        Node profile = YamlSource.parseDefaults(file.toString(), YamlSource.readText(file),
                "a mapping in the shape of defaults.yaml");
        MapNode base = INSTANCE.root;
        checkKnown(base, profile);
        return new Defaults((MapNode) Overrides.merge(base, profile), INSTANCE.sourceText + "\n---\n"
                + YamlSource.readText(file));
    }

    private static void checkKnown(Node base, Node profile) {
        if (!(profile instanceof MapNode p) || !(base instanceof MapNode b) || DistributionReader.isDistribution(b)) {
            return;
        }
        for (String key : p.keys()) {
            Node value = p.values().get(key);
            if (b.get(key).isEmpty()) {
                throw InputException.at(value, "unknown field '" + key + "'",
                        "a field of defaults.yaml: " + String.join(", ", b.keys()));
            }
            checkKnown(b.get(key).get(), value);
        }
    }

    private static Defaults load() {
        try (InputStream in = Defaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Defaults((MapNode) YamlSource.parseDefaults(FILE, text, YamlSource.DEFAULT_EXPECTED), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text the defaults were read from. A sweep's points depend on it as much as on the sweep's
     * own file: a changed default (a recalibrated model) must not resume from old points.
     */
    public String sourceText() {
        return sourceText;
    }

    /** The defaults in the shape of a scenario, for the scenario to be merged over. */
    public MapNode scenarioDefaults() {
        return scenarioDefaults;
    }

    /** The version's row of the versions table. */
    public MapReader version(PythonVersion v) {
        MapNode row = versions.get(v);
        if (row == null) {
            throw new IllegalStateException("defaults.yaml has no row for " + v);
        }
        return MapReader.of(row, null);
    }

    /** E1, E3: the version's default pool sizes on a machine of {@code cores} cores. */
    public PoolDefaults poolSizes(PythonVersion v, int cores) {
        MapReader row = version(v);
        return new PoolDefaults(PoolSizeFormula.workers(row.req("thread_pool_max_workers", PoolSizeFormula.EXPECTED),
                cores), PoolSizeFormula.workers(row.req("process_pool_max_workers", PoolSizeFormula.EXPECTED), cores));
    }

    /** E3: a start method's start-up per worker, the parent's share and the child's boot. */
    public MapReader processStart(String startMethod) {
        return MapReader.of(processStart, null).map(startMethod);
    }

    /** What a {@code servers:} item leaves out, as a tree to merge the item over. */
    public MapNode server() {
        return server;
    }

    /** What an executor of {@code kind} leaves out, or empty for an unknown kind. */
    public java.util.Optional<MapNode> executor(String kind) {
        return executors.get(kind).map(n -> (MapNode) n);
    }

    /** What a list item of {@code kind} (thread, endpoint, arrival, limit) has when it leaves {@code field} out. */
    public Node item(String kind, String field) {
        return MapReader.of(items, null).map(kind).req(field);
    }

    /** What a sweep leaves out ({@code replications}). */
    public Node sweep(String field) {
        return MapReader.of(sweep, null).req(field);
    }

    public long syscall() {
        return MapReader.of(steps, null).durationReq("syscall");
    }
}
