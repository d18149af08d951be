package dev.gilsim.scenario;

import dev.gilsim.executor.PoolDefaults;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.OsSettings;
import dev.gilsim.interpreter.PythonVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scenario files: the only place that knows YAML. Every problem becomes one
 * {@link InputException} naming the file, line, column and field.
 */
public final class ScenarioLoader {
    static final String ROOT_EXPECTED = "a mapping with name, duration and processes or servers";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern DEVICE_NAME = Pattern.compile("(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\\..*)?");
    private static final long MAX_DURATION = 24L * 3600 * 1_000_000_000L;
    /**
     * The default thread budget: every thread a scenario can create, across processes, server
     * workers, their pools and job workers. A thread keeps its latencies raw (8 bytes each) until it
     * has 2,048 of a kind, then a histogram of 0.15 to 0.2 MB: ten thousand idle threads fit in a
     * 128 MB heap, ten thousand busy ones need about 4 GB; {@code --max-threads} raises the budget.
     */
    public static final int DEFAULT_MAX_THREADS = 10_000;
    /** The highest budget {@code --max-threads} accepts. */
    public static final int MAX_THREADS_LIMIT = 1_000_000;

    /**
     * The default event budget (issue 12): a scenario whose estimated event count
     * ({@link EventEstimate}) is above it is refused before it runs; {@code --max-events} raises it.
     */
    public static final long DEFAULT_MAX_EVENTS = 20_000_000_000L;

    private final Defaults defaults;
    private final SettingsReader settings;
    private final int maxThreads;
    private final long maxEvents;

    public ScenarioLoader() {
        this(Defaults.get());
    }

    /** A loader whose defaults are defaults.yaml with a machine profile over them. */
    public ScenarioLoader(Defaults defaults) {
        this(defaults, DEFAULT_MAX_THREADS, DEFAULT_MAX_EVENTS);
    }

    private ScenarioLoader(Defaults defaults, int maxThreads, long maxEvents) {
        this.defaults = defaults;
        this.settings = new SettingsReader(defaults);
        this.maxThreads = maxThreads;
        this.maxEvents = maxEvents;
    }

    /** The same loader with another thread budget (see {@link #DEFAULT_MAX_THREADS}). */
    public ScenarioLoader withMaxThreads(int newMaxThreads) {
        if (newMaxThreads < 1 || newMaxThreads > MAX_THREADS_LIMIT) {
            throw new IllegalArgumentException("the thread budget must be 1 to " + MAX_THREADS_LIMIT);
        }
        return new ScenarioLoader(defaults, newMaxThreads, maxEvents);
    }

    /** The same loader with another event budget (see {@link #DEFAULT_MAX_EVENTS}). */
    public ScenarioLoader withMaxEvents(long newMaxEvents) {
        if (newMaxEvents < 1) {
            throw new IllegalArgumentException("the event budget must be positive");
        }
        return new ScenarioLoader(defaults, maxThreads, newMaxEvents);
    }

    /** Loads a file, applying {@code --set path=value} overrides in order. */
    public ScenarioFile load(Path file, List<String> sets) {
        return load(file.toString(), YamlSource.readText(file), sets);
    }

    public ScenarioFile load(String fileName, String text, List<String> sets) {
        return load(YamlSource.parse(fileName, text, ROOT_EXPECTED), fileName, text, sets);
    }

    private ScenarioFile load(Node parsed, String source, String text, List<String> sets) {
        MapNode top = MapReader.of(parsed, ROOT_EXPECTED).node();
        java.util.Optional<Path> profile = profile(top, source);
        if (profile.isPresent()) {
            return new ScenarioLoader(Defaults.withProfile(profile.get()), maxThreads, maxEvents).loadWithDefaults(withoutProfile(top), source,
                    text, sets);
        }
        return loadWithDefaults(top, source, text, sets);
    }

    private ScenarioFile loadWithDefaults(MapNode top, String source, String text, List<String> sets) {
        Node root = withDefaults(top);
        for (String set : sets) {
            root = Overrides.apply(root, set, "--set");
        }
        // A plain run ignores the sweep section, but it must still be well-formed.
        if (root instanceof MapNode m && m.has("sweep")) {
            SweepReader.plan(m, source, List.of(), defaults, (tree, src) -> null);
            root = m.without("sweep");
        }
        return loadTree(root, source, text);
    }

    /**
     * Loads a sweep: the scenario's {@code sweep} section plus {@code gridSets}, command-line
     * assignments with comma-separated values ({@code python.switch_interval=1ms,5ms}), each of which
     * adds a dimension; {@code sets} are plain overrides applied to every point.
     */
    public SweepPlan loadSweep(Path file, List<String> sets, List<String> gridSets) {
        String text = YamlSource.readText(file);
        MapNode top = MapReader.of(YamlSource.parse(file.toString(), text, ROOT_EXPECTED), ROOT_EXPECTED).node();
        java.util.Optional<Path> profile = profile(top, file.toString());
        if (profile.isPresent()) {
            return new ScenarioLoader(Defaults.withProfile(profile.get()), maxThreads, maxEvents).loadSweep(file, withoutProfile(top), text,
                    sets, gridSets);
        }
        return loadSweep(file, top, text, sets, gridSets);
    }

    private SweepPlan loadSweep(Path file, MapNode top, String text, List<String> sets, List<String> gridSets) {
        Node root = withDefaults(top);
        for (String set : sets) {
            root = Overrides.apply(root, set, "--set");
        }
        return SweepReader.plan((MapNode) root, file.toString(), gridSets, defaults,
                (tree, src) -> loadTree(tree, src, text));
    }

    private ScenarioFile loadTree(Node root, String source, String text) {
        MapReader top = MapReader.of(root, ROOT_EXPECTED);
        List<Scenario> variants = new ArrayList<>();
        if (top.has("variants")) {
            ListNode list = top.list("variants");
            if (list.size() == 0) {
                throw InputException.at(list, "no variants", "a list of {name, set} items, or no variants field");
            }
            Set<String> names = new HashSet<>();
            MapNode base = ((MapNode) root).without("variants");
            for (Node item : list.items()) {
                MapReader v = MapReader.of(item, "a mapping with name and set");
                String name = name(v, "name");
                if (!names.add(name)) {
                    throw v.error("name", "duplicate variant name '" + name + "'", "a unique name");
                }
                String description = v.string("description", "");
                Node tree = base;
                if (v.has("set")) {
                    for (Map.Entry<String, Node> e : MapReader.of(v.req("set"), "a mapping of field paths to values")
                            .entries().entrySet()) {
                        tree = Overrides.set(tree, e.getKey(), e.getValue());
                    }
                }
                v.finish();
                variants.add(bind(tree, source, name, description));
            }
        } else {
            variants.add(bind(root, source, "base", ""));
        }
        return new ScenarioFile(variants.get(0).name(), source, text, variants);
    }

    /**
     * {@code machine: {profile: FILE}}: the machine profile the scenario names, relative to the
     * scenario's folder. It replaces the defaults (and any {@code --profile}) for this file.
     */
    private static java.util.Optional<Path> profile(MapNode top, String source) {
        java.util.Optional<Node> machine = top.get("machine");
        if (machine.isEmpty() || !(machine.get() instanceof MapNode m) || !m.has("profile")) {
            return java.util.Optional.empty();
        }
        Node p = m.get("profile").orElseThrow();
        if (!(p instanceof ScalarNode sc) || sc.isNull() || sc.text().isBlank()) {
            throw InputException.at(p, "is not a file name", "the path of a machine profile from gilsim calibrate");
        }
        Path parent = Path.of(source).toAbsolutePath().getParent();
        Path file = parent == null ? Path.of(sc.text()) : parent.resolve(sc.text());
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw InputException.at(p, "no such machine profile: " + file, "the path of a file written by gilsim calibrate");
        }
        return java.util.Optional.of(file);
    }

    private static MapNode withoutProfile(MapNode top) {
        MapNode machine = (MapNode) top.get("machine").orElseThrow();
        return top.with("machine", top.keyLocation("machine"), machine.without("profile"));
    }

    /**
     * Fills in defaults before anything else, so {@code --set} and variants can change fields the
     * file leaves out; the root keeps the file's location, so errors about it point at the file.
     */
    private Node withDefaults(MapNode parsed) {
        MapNode merged = (MapNode) Overrides.merge(defaults.scenarioDefaults(), parsed);
        if (merged.has("servers")) {
            merged = merged.with("servers", merged.keyLocation("servers"),
                    ServerDefaults.withDefaults(defaults, merged.get("servers").orElseThrow()));
        }
        return new MapNode(parsed.location(), parsed.path(), merged.values(), merged.keyLocations());
    }

    private Scenario bind(Node tree, String source, String variant, String variantDescription) {
        MapReader r = MapReader.of(tree, ROOT_EXPECTED);
        String name = name(r, "name");
        String title = r.string("title", name);
        String description = r.string("description", "");
        long duration = r.positiveDurationReq("duration");
        if (duration > MAX_DURATION) {
            throw r.error("duration", "is longer than a day", "at most 24h of virtual time");
        }
        long warmup = r.durationReq("warmup");
        if (warmup >= duration) {
            throw r.error("warmup", "must be shorter than the duration (" + Units.formatDuration(duration) + ")",
                    null);
        }
        long seed = seed(r.req("seed"));
        OsSettings machine = SettingsReader.machine(r.map("machine"));
        Node pythonNode = r.req("python");
        PythonVersion version = SettingsReader.version(MapReader.of(pythonNode, null));
        GilSettings python = settings.python(pythonNode);
        PoolDefaults pools = defaults.poolSizes(version, machine.cores());
        if (!r.has("processes") && !r.has("servers")) {
            throw new InputException(r.location(), "processes", "missing required field",
                    "a list of processes, or a list of servers, or both");
        }
        List<ProcessSpec> processes = r.optList("processes").map(l -> processes(l, pythonNode)).orElse(List.of());
        Set<String> processNames = new HashSet<>();
        processes.forEach(p -> processNames.add(p.name()));
        int processThreads = processes.stream().mapToInt(p -> p.threads().size()).sum();
        ServerReader servers = new ServerReader(defaults, version, pools,
                n -> settings.python(n == null ? pythonNode : Overrides.merge(pythonNode, n)), processThreads, maxThreads);
        List<ServerSetup> serverList = r.optList("servers").map(l -> servers.servers(l, processNames))
                .orElse(List.of());
        long[] timeline = timeline(r.map("timeline"), warmup, duration);
        r.finish();
        Scenario scenario = new Scenario(name, title, description, source, variant, variantDescription, duration,
                warmup, seed, machine, version, pools, python, processes, serverList, timeline[0], timeline[1]);
        double events = EventEstimate.of(scenario);
        if (events > maxEvents) {
            throw r.error("duration", String.format(Locale.ROOT,
                    "would simulate about %.2g events (an estimate; at 1 to 6 million a second that is %s), more "
                    + "than the budget of %.2g", events, wallTime(events), (double) maxEvents),
                    "a shorter duration or lighter load, or a bigger budget with --max-events");
        }
        return scenario;
    }

    /** The wall time {@code events} take at the simulator's usual 1 to 6 million events a second. */
    static String wallTime(double events) {
        double fastest = events / 6e6;
        double slowest = events / 1e6;
        return fastest >= 3600 ? String.format(Locale.ROOT, "%.0f to %.0f hours", fastest / 3600, slowest / 3600)
                : String.format(Locale.ROOT, "%.0f to %.0f minutes", fastest / 60, slowest / 60);
    }

    /**
     * {@code timeline: {start: 1.49s, end: 1.83s}}: the span the GIL timeline and trace show, so a
     * scenario can point them at its action (issue 10); {@code --window} still wins. Without an
     * end, {@code span} (defaults.yaml) after the start; without a start, the end of the warm-up.
     */
    private static long[] timeline(MapReader t, long warmup, long duration) {
        long start = t.duration("start", warmup);
        long span = t.positiveDurationReq("span");
        if (start >= duration) {
            throw t.error("start", "is after the run ends (" + Units.formatDuration(duration) + ")",
                    "a time within the run");
        }
        long end = t.duration("end", Math.min(duration, start + span));
        if (end <= start) {
            throw t.error("end", "must come after start (" + Units.formatDuration(start) + ")", null);
        }
        t.finish();
        return new long[] {start, Math.min(end, duration)};
    }

    static String name(MapReader r, String key) {
        String name = r.stringReq(key);
        if (!NAME.matcher(name).matches()) {
            throw r.error(key, InputException.quote(name) + " is not a valid name",
                    "letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters");
        }
        if (DEVICE_NAME.matcher(name).matches()) {
            // Names become folder and file names; Windows cannot create these, with any extension.
            throw r.error(key, InputException.quote(name) + " is a reserved device name on Windows",
                    "another name (not CON, PRN, AUX, NUL, COM1 to COM9 or LPT1 to LPT9)");
        }
        return name;
    }

    private static long seed(Node n) {
        if (n instanceof ScalarNode s && !s.isNull()) {
            try {
                return Long.parseLong(s.text().strip());
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw InputException.at(n, Nodes.describe(n) + " is not a seed", "a whole number");
    }

    private List<ProcessSpec> processes(ListNode list, Node pythonNode) {
        if (list.size() == 0) {
            throw InputException.at(list, "no processes", "at least one process with threads, or no processes field");
        }
        if (list.size() > 1000) {
            throw InputException.at(list, "too many processes (" + list.size() + ")", "at most 1000");
        }
        StepReader programs = new StepReader(defaults.syscall());
        List<ProcessSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int threadCount = 0;
        for (Node item : list.items()) {
            MapReader p = MapReader.of(item, "a mapping with name and threads");
            String name = name(p, "name");
            if (!names.add(name)) {
                throw p.error("name", "duplicate process name '" + name + "'", "a unique name");
            }
            GilSettings gil = settings.python(p.opt("python").map(n -> Overrides.merge(pythonNode, n)).orElse(pythonNode));
            List<ThreadSpec> threads = new ArrayList<>();
            Set<String> threadNames = new HashSet<>();
            Set<String> declared = new HashSet<>();
            ListNode threadList = p.list("threads");
            for (Node t : threadList.items()) {
                MapReader tr = MapReader.of(t, "a mapping with name and steps");
                String threadName = name(tr, "name");
                // --set and variants address a thread by its declared name, so two may not share one.
                if (!declared.add(threadName)) {
                    throw tr.error("name", "duplicate thread name '" + threadName + "' in process " + name, "a unique name");
                }
                int count = Nodes.integer(tr.opt("count").orElse(defaults.item("thread", "count")), 0, 10_000);
                long start = Nodes.duration(tr.opt("start").orElse(defaults.item("thread", "start")));
                var program = programs.program(tr);
                tr.finish();
                for (int k = 1; k <= count; k++) {
                    String n = count == 1 ? threadName : threadName + "-" + k;
                    if (!threadNames.add(n)) {
                        throw tr.error("name", "duplicate thread name '" + n + "' in process " + name, "a unique name");
                    }
                    threads.add(new ThreadSpec(n, program, start));
                }
                threadCount += count;
                if (threadCount > maxThreads) {
                    throw tr.error("count", String.format(java.util.Locale.ROOT,
                            "%,d threads in all, more than the budget of %,d", threadCount, maxThreads),
                            "fewer threads, or a bigger budget with --max-threads");
                }
            }
            p.finish();
            out.add(new ProcessSpec(name, gil, threads));
        }
        return out;
    }
}
