package dev.gilsim.cli;

import dev.gilsim.chart.ChartFormat;
import dev.gilsim.output.RunFolder;
import dev.gilsim.output.SweepFolder;
import dev.gilsim.output.SweepOutputs;
import dev.gilsim.scenario.Location;
import dev.gilsim.scenario.ScenarioLoader;
import dev.gilsim.scenario.SweepPlan;
import dev.gilsim.sweep.Interval;
import dev.gilsim.sweep.PointResult;
import dev.gilsim.sweep.Shard;
import dev.gilsim.sweep.SweepInfo;
import dev.gilsim.sweep.SweepMetric;
import dev.gilsim.sweep.SweepRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a scenario over a grid of parameter values, with replications, in parallel.",
            "Writes <out>/<scenario>/sweep/: sweep.csv, sweep.json, a chart, and points/ (kept for resuming)."},
        footer = {"", "Examples:",
            "  gilsim sweep scenarios/switch-interval-sweep.yaml",
            "  gilsim sweep scenarios/sleeper-beside-cpu.yaml --set python.switch_interval=1ms,5ms,20ms \\",
            "      --metric threads.app/sleeper.return_delay.p50_ms --replications 5",
            "  gilsim sweep scenarios/switch-interval-sweep.yaml --shard 0/4 --out shard0   # then: gilsim merge"})
final class SweepCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE[,VALUE...]",
            description = "Override a field; with several comma-separated values, sweep over them. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Runs per point (overrides the file).")
    Integer replications;

    @Option(names = "--metric", paramLabel = "PATH",
            description = "Metric to chart, a dotted path into summary.json (e.g. threads.app/sleeper.return_delay.p99_ms); "
                    + "repeatable: each gets a chart and a table in sweep.html, the first is the sweep's.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel runs (default: every core).")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (0-based); merge with 'gilsim merge'.")
    String shard;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "A machine profile (from 'gilsim calibrate'): defaults for this machine, under the scenario.")
    Path profile;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress on stderr: auto (a line rewritten on a terminal, elsewhere a line every 10 s "
                    + "once the sweep has taken 10 s), always (those plain lines, even on a terminal), never.")
    ProgressLine.Mode progress;

    @Option(names = "--max-threads", paramLabel = "N",
            description = "The thread budget: at most N threads in all (default ${DEFAULT-VALUE}).")
    int maxThreads = ScenarioLoader.DEFAULT_MAX_THREADS;

    @Option(names = "--max-events", paramLabel = "N",
            description = "The event budget of each run (default ${DEFAULT-VALUE}).")
    long maxEvents = ScenarioLoader.DEFAULT_MAX_EVENTS;

    @Mixin
    ChartFormatOption chartFormat;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        Shard slice = parseShard();
        List<String> plain = new ArrayList<>();
        List<String> grid = new ArrayList<>();
        for (String s : sets) {
            (isGrid(s) ? grid : plain).add(s);
        }
        if (seed != null) {
            plain.add("seed=" + seed);
        }
        if (replications != null && (replications < 1 || replications > 1000)) {
            throw new UserException("--replications must be 1 to 1000", Cli.BAD_INPUT);
        }
        int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (parallel < 1 || parallel > 1024) {
            throw new UserException("--jobs must be 1 to 1024", Cli.BAD_INPUT);
        }
        ChartFormat format = chartFormat.format();
        SweepPlan plan = loadPlan(plain, grid);
        SweepInfo info = SweepInfo.of(plan);
        Location metricAt = plan.metricLocation();
        List<String> more = metrics.size() > 1 ? metrics.subList(1, metrics.size()) : List.of();
        if (!metrics.isEmpty()) {
            info = info.withMetric(metrics.get(0));
            metricAt = new Location("--metric", 1, 1);
        }
        checkMetrics(plan, info, metricAt, more);
        Path dir = out.resolve(plan.name()).resolve("sweep");
        try {
            // A file where the folder should be, or a read-only folder, is found before hours of simulating.
            RunFolder.probe(out);
        } catch (IOException e) {
            throw new UserException("--out " + e.getMessage() + " (nothing was run)", Cli.BAD_INPUT);
        }
        w.printf(Locale.ROOT, "%s: %d points x %d replications x %d variants%s, %d jobs%n", plan.name(),
                plan.points().size(), plan.replications(), plan.points().get(0).file().variants().size(),
                slice.isWhole() ? "" : " (shard " + slice + ")", parallel);
        w.flush();
        try {
            SweepFolder.writeInfo(info, dir.resolve(SweepFolder.PLAN));
            SweepRunner.Ran ran = SweepFolder.runner(plan, dir, parallel, slice, TerminalProgress.of(progress)).run();
            if (ran.points() > 0) {
                w.printf(Locale.ROOT, "ran %d points (%d runs) in %.1f s with %d %s, the runs busy on %.1f processors%n",
                        ran.points(), ran.runs(), ran.wallNanos() / 1e9, parallel, parallel == 1 ? "job" : "jobs",
                        ran.busyProcessors());
            }
            if (!slice.isWhole()) {
                w.printf("shard %s: ran %d points into %s%nwhen every shard has finished: gilsim merge DIR...%n",
                        slice, ran.points(), dir);
                return;
            }
            writeOutputs(w, info, dir, format, metricAt, more);
        } catch (IOException e) {
            throw new UserException("cannot write " + dir + ": " + e.getMessage(), Cli.FAILURE);
        }
        w.flush();
    }

    /** The scenario's sweep with the plain and grid overrides; --replications replaces the file's (and its points). */
    private SweepPlan loadPlan(List<String> plain, List<String> grid) {
        SweepPlan plan = ScenarioOptions.loader(profile, maxThreads, maxEvents).loadSweep(file, plain, grid);
        if (plan.dimensions().isEmpty()) {
            throw new UserException(file + ": nothing to sweep: add a sweep section or --set PATH=V1,V2,...",
                    Cli.BAD_INPUT);
        }
        if (replications != null) {
            plan = new SweepPlan(plan.name(), plan.source(), plan.dimensions(), plan.points(), replications,
                    plan.metric(), plan.metricLocation(), plan.x(), plan.series(),
                    plan.fingerprint() + "-r" + replications);
        }
        return plan;
    }

    /** Every metric to chart names a figure of the sweep's runs, checked before anything runs. */
    private static void checkMetrics(SweepPlan plan, SweepInfo info, Location metricAt, List<String> more) {
        if (info.metric() != null) {
            var names = SweepRunner.metricNames(plan);
            SweepMetric.check(info.metric(), names, metricAt);
            for (String m : more) {
                SweepMetric.check(m, names, new Location("--metric", 1, 1));
            }
        }
    }

    /** With every point run: sweep.csv, sweep.json, the charts and sweep.html, and the metric's table. */
    private static void writeOutputs(PrintWriter w, SweepInfo info, Path dir, ChartFormat format, Location metricAt,
            List<String> more) throws IOException {
        List<Integer> missing = new ArrayList<>();
        List<PointResult> results = SweepFolder.collect(info, List.of(dir), missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("points " + missing + " did not finish");
        }
        SweepOutputs.Written written = SweepOutputs.write(info, results, dir, format, metricAt, more);
        if (info.metric() != null) {
            w.print(MergeCommand.table(info, results));
        }
        w.printf("wrote %s, %s%s; open %s%n", written.csv(), written.json(),
                written.chart() == null ? " (no chart: " + written.noChartBecause() + ")"
                        : ", " + written.chart(), written.html());
    }

    private Shard parseShard() {
        if (shard == null) {
            return Shard.WHOLE;
        }
        try {
            return Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UserException("--shard: " + e.getMessage(), Cli.BAD_INPUT);
        }
    }


    /** A value with a comma outside brackets and braces is a list of values to sweep over. */
    static boolean isGrid(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) {
            return false;
        }
        int depth = 0;
        for (char c : assignment.substring(eq + 1).toCharArray()) {
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** A mean and its 95% half-width in fixed point ({@code 10510 ± 340}, {@code 1.234 ± 0.05}), never 1.051e+04. */
    static String interval(Interval ci) {
        return Double.isNaN(ci.low()) ? SweepOutputs.plain(ci.mean(), 4)
                : SweepOutputs.plain(ci.mean(), 4) + " ± " + SweepOutputs.plain(ci.halfWidth(), 2);
    }
}
