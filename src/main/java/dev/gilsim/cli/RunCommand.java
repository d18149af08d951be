package dev.gilsim.cli;

import dev.gilsim.metrics.GilEventLog;
import dev.gilsim.output.OutputFolder;
import dev.gilsim.output.RunFolder;
import dev.gilsim.report.ConsoleTable;
import dev.gilsim.report.GilEventsCsv;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.RunData;
import dev.gilsim.results.RunFigures;
import dev.gilsim.run.Progress;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioFile;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExitCodeGenerator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run scenario files and write, for each, output/<scenario>/: summary.json,",
            "percentiles.csv, threads.csv, trace.json, charts/ and report.html.",
            "With no file, runs the built-in default scenario."},
        footer = {"", "Examples:",
            "  gilsim run scenarios/sleeper-beside-cpu.yaml",
            "  gilsim run scenarios/*.yaml --out results",
            "  gilsim run scenarios/sleeper-beside-cpu.yaml --set python.switch_interval=1ms --seed 7",
            "  gilsim run scenarios/convoy-effect.yaml --window 2s..2.05s --format svg",
            "  gilsim run scenarios/pow-thread-pool-vs-process-pool.yaml --threads"})
final class RunCommand implements Runnable, IExitCodeGenerator {
    static final String BUILTIN = "pow-thread-pool-vs-process-pool.yaml";
    /** Beyond this many rows the per-thread table is printed only on request. */
    static final int SHORT_THREAD_TABLE = 12;
    /** Scenarios of plain processes print their thread table up to this many rows without --threads. */
    static final int LONG_THREAD_TABLE = 60;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Scenario files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output",
            description = "Where results go (default: ${DEFAULT-VALUE}); each scenario gets a folder.")
    Path out;

    @Option(names = "--threads", description = "Always print the per-thread table (for servers it is printed "
            + "only when short).")
    boolean threads;

    @Option(names = "--gil-events", description = "Also write gil-events.csv: every GIL wait, timeout, signal, "
            + "drop request, release and take after the warm-up, with the thread's core, to compare the hand-off "
            + "with a real CPython's (probes/condlog). About 40 bytes an event: a busy second can hold 100,000.")
    boolean gilEvents;

    @Mixin
    ChartFormatOption chartFormat;

    @Option(names = "--window", paramLabel = "START..END", converter = TimelineWindow.Converter.class,
            description = TimelineWindow.HELP)
    TimelineWindow window;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress on stderr: auto (a line rewritten on a terminal, elsewhere a line every 10 s "
                    + "once a run has taken 10 s), always (those plain lines, even on a terminal), never.")
    ProgressLine.Mode progress;

    @Option(names = "--max-wall", paramLabel = "DURATION",
            description = "Stop the command after this much wall-clock time (e.g. 10m), writing nothing for the "
                    + "scenario it was simulating.")
    String maxWall;

    @Option(names = "--fail-if", paramLabel = "CONDITION",
            description = "Exit with code 3 when a variant's result meets the condition, e.g. "
                    + "'endpoints.api/ping.latency.p99_ms>50ms' (a summary.json path, <, <=, > or >=, a number or "
                    + "duration). Repeatable; the results are written either way.")
    List<String> failIf = new ArrayList<>();

    private long commandStarted;
    private int written;
    private List<FailIf> conditions = List.of();
    private final List<String> failures = new ArrayList<>();
    private long maxWallNanos;

    @Override
    public void run() {
        commandStarted = System.nanoTime();
        maxWallNanos = maxWall == null ? 0 : parseMaxWall(maxWall);
        PrintWriter w = spec.commandLine().getOut();
        ScenarioLoader loader = options.loader();
        List<ScenarioFile> loaded = new ArrayList<>();
        if (files.isEmpty()) {
            w.println("No scenario file given: running the built-in scenario scenarios/" + BUILTIN);
            loaded.add(loader.load("scenarios/" + BUILTIN, builtin(BUILTIN), options.overrides()));
        }
        // Validate every file before running any, so a typo in the last file fails fast.
        for (Path f : files) {
            loaded.add(loader.load(f, options.overrides()));
        }
        refuseSharedNames(loaded);
        conditions = failIf.stream().map(FailIf::parse).toList();
        if (!conditions.isEmpty()) {
            // A misspelt metric is found before anything runs: names follow the scenario, not its numbers.
            for (ScenarioFile f : loaded) {
                var names = RunFigures.of(Simulation.run(f.first().brief())).keySet();
                conditions.forEach(c -> c.checkNamed(names));
            }
        }
        List<RunFolder> folders = claimFolders(loaded);
        try {
            for (int i = 0; i < loaded.size(); i++) {
                runFile(loaded.get(i), folders.get(i), w);
                written++;
            }
        } finally {
            release(folders);
        }
        if (!conditions.isEmpty()) {
            w.println();
            failures.forEach(w::println);
            w.printf("--fail-if: %s%n", failures.isEmpty() ? "no condition met by any variant"
                    : failures.size() + " condition" + (failures.size() == 1 ? "" : "s") + " met");
        }
        w.flush();
    }

    /** 3 when a --fail-if condition was met (picocli asks once the command has run). */
    @Override
    public int getExitCode() {
        return failures.isEmpty() ? 0 : FailIf.FAILED_CONDITION;
    }

    private static long parseMaxWall(String text) {
        long nanos;
        try {
            nanos = dev.gilsim.scenario.Units.parseDurationNanos(text);
        } catch (IllegalArgumentException e) {
            throw new UserException("--max-wall: '" + text + "' is not a duration (e.g. 30s, 10m, 2h)", Cli.BAD_INPUT);
        }
        if (nanos <= 0) {
            throw new UserException("--max-wall must be more than 0", Cli.BAD_INPUT);
        }
        return nanos;
    }

    /** Two files with the same {@code name:} would write one folder, the second silently replacing the first. */
    private static void refuseSharedNames(List<ScenarioFile> loaded) {
        Map<String, String> sourceByName = new HashMap<>();
        for (ScenarioFile f : loaded) {
            String earlier = sourceByName.putIfAbsent(f.first().name(), f.source());
            if (earlier != null) {
                throw new UserException(earlier + " and " + f.source() + " both name their scenario '"
                        + f.first().name() + "', so one would overwrite the other's results: rename one",
                        Cli.BAD_INPUT);
            }
        }
    }

    /**
     * Makes sure {@code --out} can be written and locks every scenario's folder before anything is
     * simulated, so a bad folder or a concurrent run is refused at once rather than after the run.
     */
    private List<RunFolder> claimFolders(List<ScenarioFile> loaded) {
        List<RunFolder> folders = new ArrayList<>();
        try {
            RunFolder.probe(out);
            for (ScenarioFile f : loaded) {
                folders.add(RunFolder.claim(out, f.first().name()));
            }
            return folders;
        } catch (IOException e) {
            release(folders);
            throw new UserException("--out " + e.getMessage() + " (nothing was run)", Cli.BAD_INPUT);
        }
    }

    private static void release(List<RunFolder> folders) {
        for (RunFolder f : folders) {
            try {
                f.close();
            } catch (IOException e) {
                // Only a staging folder of a failed run can be left; the next run into --out deletes it.
            }
        }
    }

    private void runFile(ScenarioFile file, RunFolder folder, PrintWriter w) {
        Scenario first = file.first();
        w.printf("%n%s: %s%n", first.name(), first.title());
        List<RunResult> results;
        Map<String, GilEventLog> eventLogs;
        long simulatedInNanos;
        Progress progressLine = ProgressLine.of(progress, maxWallNanos, commandStarted);
        try {
            VariantRuns.Ran ran = VariantRuns.simulate(file.variants(), s -> TimelineWindow.resolve(window, s),
                    gilEvents, progressLine);
            results = ran.results();
            eventLogs = ran.gilEvents();
            simulatedInNanos = ran.wallNanos();
        } catch (ProgressLine.WallBudgetExceeded e) {
            w.flush();
            throw new UserException(e.getMessage() + "; nothing was written for " + first.name()
                    + (written == 0 ? "" : " (the " + written + " scenario" + (written == 1 ? "" : "s")
                    + " before it are complete)"), Cli.FAILURE);
        }
        for (FailIf c : conditions) {
            for (RunResult r : results) {
                c.failure(first.name(), r).ifPresent(failures::add);
            }
        }
        // The run's data once, for the console's thread table and every file written: its threads'
        // figures summarise every thread's histograms.
        Provenance provenance = Provenance.of(options.sets, options.seed, file.text());
        RunData run = RunData.of(results, provenance);
        boolean servers = first.hasServers();
        if (servers) {
            w.print(ConsoleTable.servers(results));
            w.println();
            w.print(ConsoleTable.requests(results));
        }
        int threadRows = results.stream().mapToInt(r -> r.metrics().threads().size()).sum();
        if (threads || threadRows <= (servers ? SHORT_THREAD_TABLE : LONG_THREAD_TABLE)) {
            if (servers) {
                w.println();
            }
            w.print(ConsoleTable.threads(run));
        } else {
            w.printf("(%d thread rows: add --threads to print them; threads.csv has them all)%n", threadRows);
        }
        Path dir = folder.target();
        Path summary = dir.resolve(OutputFolder.SUMMARY);
        write(folder, results, run, eventLogs);
        long events = results.stream().mapToLong(r -> r.summary().events()).sum();
        long simulated = results.stream().mapToLong(r -> r.scenario().durationNanos()).sum();
        w.printf(Locale.ROOT, "wrote %s and the charts; open %s  (%s simulated in %.2fs: %.1fM events/s)%n", summary,
                dir.resolve(OutputFolder.REPORT), dev.gilsim.kernel.Durations.format(simulated), simulatedInNanos / 1e9,
                events / (simulatedInNanos / 1e9) / 1e6);
    }

    /** Every file of the run into the folder's staging copy, then the folder into place whole. */
    private void write(RunFolder folder, List<RunResult> results, RunData run, Map<String, GilEventLog> eventLogs) {
        try {
            Path staging = folder.staging();
            OutputFolder.write(staging, results, run, chartFormat.format());
            if (gilEvents) {
                Path csv = staging.resolve(OutputFolder.GIL_EVENTS);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv))) {
                    GilEventsCsv.write(eventLogs, out);
                }
            }
            folder.commit();
        } catch (IOException e) {
            throw new UserException("cannot write the results in " + folder.target() + ": " + e.getMessage(),
                    Cli.FAILURE);
        }
    }

    static String builtin(String name) {
        try (InputStream in = RunCommand.class.getResourceAsStream("/dev/gilsim/builtin/" + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
