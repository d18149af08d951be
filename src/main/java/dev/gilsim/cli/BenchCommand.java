package dev.gilsim.cli;

import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioFile;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * How fast the simulator runs on this machine: events per wall-clock second and simulated seconds
 * per wall-clock second, after warm-up runs that let the JIT compile the hot path. This, not a
 * timed unit test, is where speed is measured.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure simulator speed: events/s and simulated seconds per wall second.",
            "With no file, measures the built-in convoy-effect scenario (every variant)."},
        footer = {"", "Examples:", "  gilsim bench", "  gilsim bench scenarios/two-cpu-threads.yaml --repeat 10",
            "  gilsim bench --peer ../shared/bench/peer",
            "  gilsim bench --end-to-end scenarios/convoy-effect.yaml scenarios/sleeper-beside-cpu.yaml"})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Scenario files to time.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--warmup-runs", defaultValue = "2", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmupRuns;

    @Option(names = "--repeat", defaultValue = "5", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--peer", paramLabel = "DIR", description = "Instead of FILEs: time the SimPy model of the "
            + "same GIL (DIR/gil_simpy.py) and gilsim on its scenario (DIR/peer-gil.yaml) in turn, three rounds, and "
            + "print the ratio of simulated seconds per wall second.")
    Path peer;

    @Option(names = "--peer-python", paramLabel = "PYTHON", defaultValue = "/usr/bin/python3",
            description = "The Python with SimPy 2 for --peer (default ${DEFAULT-VALUE}, Debian's python3-simpy).")
    String peerPython;

    @Option(names = "--peer-duration", paramLabel = "SECONDS", defaultValue = "100",
            description = "Simulated seconds per --peer run (default ${DEFAULT-VALUE}).")
    int peerSeconds;

    @Option(names = "--end-to-end", description = "Instead: time 'gilsim run FILE' against 'gilsim check FILE', "
            + "each a whole process through the launcher, in turn, --repeat rounds after one untimed pair, and print "
            + "their wall times and ratio.")
    boolean endToEnd;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "With --end-to-end: the gilsim launcher to time (default: the script beside this build's "
                    + "target/ folder).")
    Path launcher;

    @Mixin
    ScenarioOptions options;

    @Override
    public void run() {
        if (warmupRuns < 0 || repeat < 1 || repeat > 1000) {
            throw new UserException("--repeat must be 1 to 1000 and --warmup-runs at least 0", Cli.BAD_INPUT);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (peer != null && endToEnd) {
            throw new UserException("--peer and --end-to-end are two different benchmarks: give one", Cli.BAD_INPUT);
        }
        if (peer != null) {
            if (!files.isEmpty()) {
                throw new UserException("--peer times the peer's own scenario: give no FILE with it", Cli.BAD_INPUT);
            }
            if (peerSeconds < 1 || peerSeconds > 100_000) {
                throw new UserException("--peer-duration must be 1 to 100000 seconds", Cli.BAD_INPUT);
            }
            PeerBench.run(peer, peerPython, peerSeconds, options, w);
            return;
        }
        ScenarioLoader loader = options.loader();
        if (endToEnd) {
            endToEnd(loader, w);
            return;
        }
        if (launcher != null) {
            throw new UserException("--launcher goes with --end-to-end", Cli.BAD_INPUT);
        }
        List<ScenarioFile> loaded = new ArrayList<>();
        if (files.isEmpty()) {
            loaded.add(loader.load("scenarios/convoy-effect.yaml", RunCommand.builtin("convoy-effect.yaml"),
                    options.overrides()));
        }
        for (Path f : files) {
            loaded.add(loader.load(f, options.overrides()));
        }
        timeInProcess(loaded, w);
    }

    private void endToEnd(ScenarioLoader loader, PrintWriter w) {
        if (files.isEmpty()) {
            throw new UserException("--end-to-end times run and check of scenario files: give at least one FILE",
                    Cli.BAD_INPUT);
        }
        // Every file is checked here first, so a bad one is reported before any process starts.
        for (Path f : files) {
            loader.load(f, options.overrides());
        }
        EndToEndBench.run(launcher != null ? launcher : EndToEndBench.defaultLauncher(), files,
                options.commandLine(), repeat, w);
    }

    private void timeInProcess(List<ScenarioFile> loaded, PrintWriter w) {
        w.println("scenario/variant                      events    events/s (median)   sim s per wall s"
                + "   sim s per CPU s   bytes per event");
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean heap = mx instanceof com.sun.management.ThreadMXBean h ? h : null;
        for (ScenarioFile file : loaded) {
            for (Scenario s : file.variants()) {
                for (int i = 0; i < warmupRuns; i++) {
                    Simulation.run(s);
                }
                double[] rates = new double[repeat];
                double[] speeds = new double[repeat];
                double[] cpuSpeeds = new double[repeat];
                double[] bytes = new double[repeat];
                long events = 0;
                for (int i = 0; i < repeat; i++) {
                    // The simulation runs on this thread: its CPU time and allocation are the run's own,
                    // undisturbed by other processes (which is what makes them comparable across machines).
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    long alloc0 = heap == null ? 0 : heap.getThreadAllocatedBytes(Thread.currentThread().getId());
                    RunResult r = Simulation.run(s);
                    long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                    long alloc = heap == null ? 0 : heap.getThreadAllocatedBytes(Thread.currentThread().getId()) - alloc0;
                    rates[i] = r.eventsPerSecond();
                    speeds[i] = r.speed();
                    events = r.summary().events();
                    cpuSpeeds[i] = cpu <= 0 ? Double.NaN : s.durationNanos() / (double) cpu;
                    bytes[i] = events == 0 ? 0 : alloc / (double) events;
                }
                w.printf(Locale.ROOT, "%-36s %7d %16.2fM %18.1f %17.1f %17.0f%n", s.name() + "/" + s.variant(), events,
                        median(rates) / 1e6, median(speeds), median(cpuSpeeds), median(bytes));
                w.flush();
            }
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
