package dev.gilsim.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sweep:} section of a scenario and {@code --set path=v1,v2} on the command line:
 * a grid over any fields by their dotted paths (every combination), or an explicit list of
 * points, each becoming one fully checked scenario.
 *
 * <pre>
 * sweep:
 *   grid:
 *     python.switch_interval: [100us, 1ms, 5ms]
 *     processes.app.threads.spinner.count: [1, 2]
 *   replications: 5
 *   metric: threads.app/sleeper.return_delay.p99_ms
 *   x: python.switch_interval
 *   series: processes.app.threads.spinner.count
 * </pre>
 */
final class SweepReader {
    static final int MAX_POINTS = 100_000;

    private record Dimension(String path, Location where, List<Node> values) {
    }

    private SweepReader() {
    }

    /** What the {@code sweep:} section says, then the dimensions {@code --set} adds and the chart's axes. */
    private static final class Section {
        final Map<String, Dimension> dims = new LinkedHashMap<>();
        /** The {@code points:} list, or null for a grid. */
        List<Map<String, Node>> explicit;
        /** From defaults.yaml's sweep table, unless the sweep says. */
        int replications;
        String metric;
        Location metricLocation;
        String x;
        String series;
        Node xNode;
        Node seriesNode;
    }

    /**
     * @param root the scenario tree with defaults and plain overrides applied, still holding {@code sweep}
     * @param gridSets {@code path=v1,v2,...} assignments from the command line, each a dimension
     */
    static SweepPlan plan(MapNode root, String source, List<String> gridSets, Defaults defaults,
            java.util.function.BiFunction<Node, String, ScenarioFile> loadTree) {
        MapReader top = MapReader.of(root, ScenarioLoader.ROOT_EXPECTED);
        Section sweep = new Section();
        sweep.replications = Nodes.integer(defaults.sweep("replications"), 1, 1000);
        if (top.has("sweep")) {
            read(top.map("sweep"), sweep);
        }
        for (String set : gridSets) {
            addGridSet(set, sweep);
        }
        List<String> paths = new ArrayList<>(sweep.dims.keySet());
        chooseAxes(sweep, paths);
        MapNode base = root.without("sweep");
        List<Map<String, Node>> assignments = sweep.explicit != null ? sweep.explicit
                : grid(new ArrayList<>(sweep.dims.values()));
        if (assignments.size() > MAX_POINTS) {
            throw new InputException(root.location(), "sweep", "the sweep has " + assignments.size() + " points",
                    "at most " + MAX_POINTS);
        }
        List<SweepPoint> points = points(base, paths, assignments, source, loadTree);
        if (points.get(0).file() == null) {
            return null;
        }
        String fingerprint = fingerprint(content(root), defaults.sourceText(), gridSets, sweep.replications, paths);
        return new SweepPlan(points.get(0).file().name(), source, paths, points, sweep.replications, sweep.metric,
                sweep.metricLocation, sweep.x, sweep.series, fingerprint);
    }

    private static void read(MapReader s, Section sweep) {
        if (s.has("grid") && s.has("points")) {
            throw s.error("points", "a sweep has either a grid or points, not both", null);
        }
        s.optMap("grid").ifPresent(g -> {
            for (Map.Entry<String, Node> e : g.entries().entrySet()) {
                ListNode values = Nodes.list(e.getValue());
                if (values.size() == 0) {
                    throw InputException.at(values, "no values", "a list such as [1ms, 5ms]");
                }
                sweep.dims.put(e.getKey(), new Dimension(e.getKey(), g.node().keyLocation(e.getKey()), values.items()));
            }
        });
        if (s.has("points")) {
            sweep.explicit = new ArrayList<>();
            ListNode points = s.list("points");
            if (points.size() == 0) {
                throw InputException.at(points, "no points", "a list of {path: value} mappings");
            }
            for (Node p : points.items()) {
                Map<String, Node> assignments = MapReader.of(p, "a mapping of field paths to values").entries();
                sweep.explicit.add(assignments);
                for (String path : assignments.keySet()) {
                    sweep.dims.putIfAbsent(path, new Dimension(path, ((MapNode) p).keyLocation(path), List.of()));
                }
            }
        }
        sweep.replications = s.integer("replications", sweep.replications, 1, 1000);
        if (s.has("metric")) {
            sweep.metric = s.stringReq("metric");
            sweep.metricLocation = s.req("metric").location();
        }
        sweep.xNode = s.opt("x").orElse(null);
        sweep.seriesNode = s.opt("series").orElse(null);
        sweep.x = s.string("x", null);
        sweep.series = s.string("series", null);
        s.finish();
    }

    /** A {@code --set path=v1,v2,...}: one more dimension of the grid. */
    private static void addGridSet(String set, Section sweep) {
        int eq = set.indexOf('=');
        String path = set.substring(0, eq).strip();
        Node list = YamlSource.parseFragment("--set", "[" + set.substring(eq + 1) + "]", path, eq);
        sweep.dims.put(path, new Dimension(path, new Location("--set", 1, 1), ((ListNode) list).items()));
        if (sweep.explicit != null) {
            throw new InputException(new Location("--set", 1, 1), path,
                    "the scenario lists explicit sweep points, so a grid cannot be added", null);
        }
    }

    /** Checks the chosen x and series are swept fields; by default x is the first, the series the next. */
    private static void chooseAxes(Section sweep, List<String> paths) {
        if (sweep.x != null && !paths.contains(sweep.x)) {
            throw InputException.at(sweep.xNode, InputException.quote(sweep.x) + " is not a swept field",
                    "one of " + String.join(", ", paths));
        }
        if (sweep.series != null && !paths.contains(sweep.series)) {
            throw InputException.at(sweep.seriesNode, InputException.quote(sweep.series) + " is not a swept field",
                    "one of " + String.join(", ", paths));
        }
        if (sweep.x == null && !paths.isEmpty()) {
            sweep.x = paths.get(0);
        }
        if (sweep.series == null && paths.size() > 1) {
            String first = sweep.x;
            sweep.series = paths.stream().filter(p -> !p.equals(first)).findFirst().orElse(null);
        }
    }

    /** Each assignment applied to the base tree and loaded as a scenario; values labelled for tables. */
    private static List<SweepPoint> points(MapNode base, List<String> paths, List<Map<String, Node>> assignments,
            String source, java.util.function.BiFunction<Node, String, ScenarioFile> loadTree) {
        List<SweepPoint> points = new ArrayList<>();
        for (Map<String, Node> a : assignments) {
            Node tree = base;
            List<String> values = new ArrayList<>();
            for (String path : paths) {
                Node v = a.get(path);
                if (v == null) {
                    values.add("");
                    continue;
                }
                tree = Overrides.set(tree, path, v);
                values.add(label(v));
            }
            points.add(new SweepPoint(points.size(), values, loadTree.apply(tree, source)));
        }
        return points;
    }

    /** Every combination, the first dimension varying slowest. */
    private static List<Map<String, Node>> grid(List<Dimension> dims) {
        List<Map<String, Node>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Dimension d : dims) {
            List<Map<String, Node>> next = new ArrayList<>();
            for (Map<String, Node> partial : out) {
                for (Node v : d.values()) {
                    Map<String, Node> m = new LinkedHashMap<>(partial);
                    m.put(d.path(), v);
                    next.add(m);
                    if (next.size() > MAX_POINTS) {
                        throw new InputException(d.where(), d.path(), "the grid has more than " + MAX_POINTS
                                + " points", "fewer values");
                    }
                }
            }
            out = next;
        }
        return out;
    }

    /** How a value reads in tables: the scalar as written, or compact flow YAML. */
    static String label(Node n) {
        if (n instanceof ScalarNode s) {
            return s.isNull() ? "null" : s.text();
        }
        if (n instanceof ListNode l) {
            List<String> items = new ArrayList<>();
            for (Node i : l.items()) {
                items.add(label(i));
            }
            return "[" + String.join(", ", items) + "]";
        }
        MapNode m = (MapNode) n;
        List<String> entries = new ArrayList<>();
        for (String k : m.keys()) {
            entries.add(k + ": " + label(m.values().get(k)));
        }
        return "{" + String.join(", ", entries) + "}";
    }

    /**
     * What the points' numbers depend on: the scenario tree (defaults and overrides applied) in a
     * canonical form, without comments, formatting, title, description, or the sweep's chart
     * choices (metric, x, series). Editing those keeps every saved point.
     */
    static String content(MapNode root) {
        MapNode tree = root.without("title").without("description");
        if (tree.get("sweep").orElse(null) instanceof MapNode sweep) {
            tree = tree.without("sweep");
            StringBuilder out = new StringBuilder();
            canonical(tree, out);
            out.append("\nsweep ");
            canonical(sweep.without("metric").without("x").without("series"), out);
            return out.toString();
        }
        StringBuilder out = new StringBuilder();
        canonical(tree, out);
        return out.toString();
    }

    private static void canonical(Node n, StringBuilder out) {
        if (n instanceof MapNode m) {
            out.append('{');
            for (String k : m.keys()) {
                out.append(k.length()).append(':').append(k).append('=');
                canonical(m.get(k).orElseThrow(), out);
                out.append(',');
            }
            out.append('}');
        } else if (n instanceof ListNode l) {
            out.append('[');
            for (Node item : l.items()) {
                canonical(item, out);
                out.append(',');
            }
            out.append(']');
        } else if (n instanceof ScalarNode v) {
            String text = v.isNull() ? "~" : (v.quoted() ? "'" : "") + v.text();
            out.append(text.length()).append(':').append(text);
        }
    }

    private static String fingerprint(String content, String defaultsText, List<String> gridSets, int replications,
            List<String> paths) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            sha.update(defaultsText.getBytes(StandardCharsets.UTF_8));
            sha.update(("\n" + gridSets + "\n" + replications + "\n" + paths).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
