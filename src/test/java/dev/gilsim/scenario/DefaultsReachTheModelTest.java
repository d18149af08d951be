package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every leaf of defaults.yaml reaches the model: for each one, found by walking the file (not a
 * hand list), a machine profile sets it to a distinct value and a scenario that leaves everything
 * out resolves to a different model, in which a distinct duration or number shows as itself. A
 * leaf that nothing reads fails here, and so does one whose value a reader ignores. The model is
 * the scenario and, for {@code sweep.*}, the plan of a sweep of the same file.
 */
class DefaultsReachTheModelTest {
    /**
     * A scenario that leaves out every field defaults.yaml fills: a plain process, a server with an
     * async and a def endpoint, a declared pool of each kind (one process pool per start method, one
     * with the version's), a job queue, a concurrency limit, rate and burst arrivals, and bare
     * syscall steps (steps.syscall). Its timeline starts at 0, so that the timeline's end is
     * timeline.span itself.
     */
    private static final String WORLD = """
            name: world
            timeline: {start: 0s}
            processes:
              - name: p
                threads:
                  - name: t
                    steps:
                      - cpu: 1ms
                      - syscall:
            servers:
              - name: api
                endpoints:
                  - name: a
                    kind: async
                    steps:
                      - cpu: 1ms
                      - syscall:
                  - {name: d, kind: def, steps: [{io: 1ms}]}
                  - {name: submit, kind: async, steps: [{cpu: 100us}]}
                  - {name: status, kind: async, steps: [{cpu: 100us}]}
                arrivals: [{rate: 10/s, endpoint: a}, {burst: 2, endpoint: d}]
                limit: {concurrency: 4}
                executors:
                  - {name: tp, kind: thread_pool}
                  - {name: pp, kind: process_pool}
                  - {name: pp-fork, kind: process_pool, start_method: fork}
                  - {name: pp-forkserver, kind: process_pool, start_method: forkserver}
                  - {name: pp-spawn, kind: process_pool, start_method: spawn}
                jobs: {submit: submit, status: status, steps: [{cpu: 1ms}]}
            """;
    private static final Pattern DURATION = Pattern.compile("\\d+(\\.\\d+)?(ns|us|ms|s)");
    private static final Pattern WHOLE = Pattern.compile("[1-9]\\d*");
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");
    /** Words a leaf may hold, each with another valid word for it. */
    private static final Map<String, String> OTHER_WORD = Map.ofEntries(Map.entry("lifo", "random"),
            Map.entry("fifo", "lifo"), Map.entry("gil", "free-threaded"), Map.entry("fork", "spawn"),
            Map.entry("forkserver", "spawn"), Map.entry("3.12", "3.13"), Map.entry("false", "true"), Map.entry("true", "false"),
            Map.entry("min(32, cpu+4)", "min(3, cpu+4)"),
            Map.entry("min(32, process_cpu_count+4)", "min(3, process_cpu_count+4)"), Map.entry("cpu", "1"),
            Map.entry("process_cpu_count", "1"), Map.entry("unbounded", "5"));

    /**
     * A leaf of defaults.yaml: its keys from the root, and its text. Inside a distribution
     * ({@code {lognormal: {median: 45us, sigma: 0.6}}}) {@code distribution} is that mapping, as a
     * value written over it replaces it whole.
     */
    /** What a scenario resolves to: one run's model, and the replications of a sweep of it. */
    record Resolved(Scenario scenario, int replications) {
    }

    record Leaf(List<String> keys, String text, boolean quoted, MapNode distribution) {
        String path() {
            return String.join(".", keys);
        }
    }

    @Test
    void everyLeafOfTheDefaultsFileChangesTheResolvedModel(@TempDir Path dir) throws IOException {
        List<Leaf> leaves = leaves();
        assertTrue(leaves.size() > 50, "walked only " + leaves.size() + " leaves");
        List<String> unread = new ArrayList<>();
        Path world = Files.writeString(dir.resolve("world.yaml"), WORLD);
        for (Leaf leaf : leaves) {
            String value = distinct(leaf);
            List<String> context = context(leaf);
            Resolved before = resolve(new ScenarioLoader(), world, context);
            Path profile = Files.writeString(dir.resolve("profile.yaml"), profile(leaf, value));
            Resolved after = resolve(new ScenarioLoader(Defaults.withProfile(profile)), world, context);
            if (before.equals(after)) {
                unread.add(leaf.path());
                continue;
            }
            shown(value).ifPresent(text -> assertTrue(after.toString().contains(text),
                    leaf.path() + " = " + value + " should show as " + text));
        }
        assertEquals(List.of(), unread, "leaves of defaults.yaml that no reader takes into the model");
    }

    /** Loaded twice, the world resolves to equal models: the comparison above can tell leaves apart. */
    @Test
    void theWorldResolvesToTheSameModelEachTime(@TempDir Path dir) throws IOException {
        Path world = Files.writeString(dir.resolve("world.yaml"), WORLD);
        assertEquals(resolve(new ScenarioLoader(), world, List.of()), resolve(new ScenarioLoader(), world, List.of()));
    }

    private static Resolved resolve(ScenarioLoader loader, Path world, List<String> sets) {
        return new Resolved(loader.load(world, sets).first(), loader.loadSweep(world, sets, List.of()).replications());
    }

    /** Version rows apply to the version a scenario runs; a free-threaded build needs 3.13 or later. */
    private static List<String> context(Leaf leaf) {
        if (leaf.keys().get(0).equals("versions")) {
            return List.of("python.version=\"" + leaf.keys().get(1) + "\"");
        }
        if (leaf.path().equals("python.build")) {
            return List.of("python.version=\"3.13\"");
        }
        return List.of();
    }

    static List<Leaf> leaves() {
        Node root = YamlSource.parse("defaults.yaml", Defaults.get().sourceText());
        List<Leaf> out = new ArrayList<>();
        walk(root, new ArrayList<>(), null, out);
        return out;
    }

    private static void walk(Node n, List<String> keys, MapNode distribution, List<Leaf> out) {
        if (n instanceof MapNode m) {
            MapNode inside = distribution != null ? distribution : DistributionReader.isDistribution(m) ? m : null;
            for (String key : m.keys()) {
                List<String> child = new ArrayList<>(keys);
                child.add(key);
                walk(m.get(key).orElseThrow(), child, inside, out);
            }
        } else if (n instanceof ScalarNode s) {
            out.add(new Leaf(List.copyOf(keys), s.text().strip(), s.quoted(), distribution));
        } else {
            fail(String.join(".", keys) + " is a list; teach this test to change one");
        }
    }

    /** Another valid value: another word, twice a duration and 1 us more, a whole number plus one. */
    private static String distinct(Leaf leaf) {
        String t = leaf.text();
        if (OTHER_WORD.containsKey(t)) {
            return OTHER_WORD.get(t);
        }
        if (t.equals("0") || DURATION.matcher(t).matches()) {
            return (2 * Units.parseDurationNanos(t) + 1_000) + "ns";
        }
        if (WHOLE.matcher(t).matches()) {
            return Long.toString(Long.parseLong(t) + 1);
        }
        if (DECIMAL.matcher(t).matches()) {
            return new BigDecimal(t).add(new BigDecimal("0.125")).toPlainString();
        }
        return fail(leaf.path() + " = " + t + ": no other value known; add one to OTHER_WORD");
    }

    /** How a duration or a decimal shows in the model's records: nanoseconds, or Java's double. */
    private static java.util.Optional<String> shown(String value) {
        if (value.endsWith("ns")) {
            return java.util.Optional.of("=" + value.substring(0, value.length() - 2));
        }
        if (DECIMAL.matcher(value).matches()) {
            return java.util.Optional.of("=" + Double.parseDouble(value));
        }
        return java.util.Optional.empty();
    }

    /**
     * A profile setting one leaf: nested mappings with every key quoted ("3.12" is a key, not a
     * number), the value quoted where the file quotes it.
     */
    private static String profile(Leaf leaf, String value) {
        String written = leaf.quoted() ? "\"" + value + "\"" : value;
        List<String> keys = leaf.keys();
        int last = keys.size() - 1;
        if (leaf.distribution() != null) {
            // {kind: {field: value, ...}} with this leaf's field changed, under the distribution's key.
            String kind = keys.get(last - 1);
            MapNode fields = (MapNode) leaf.distribution().get(kind).orElseThrow();
            List<String> pairs = new ArrayList<>();
            for (String f : fields.keys()) {
                pairs.add(f + ": " + (f.equals(keys.get(last)) ? written
                        : ((ScalarNode) fields.get(f).orElseThrow()).text().strip()));
            }
            written = "{" + kind + ": {" + String.join(", ", pairs) + "}}";
            last -= 2;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            b.append("  ".repeat(i)).append('"').append(keys.get(i)).append("\":");
            b.append(i < last ? "\n" : " " + written + "\n");
        }
        return b.toString();
    }
}
