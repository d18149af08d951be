package dev.gilsim.cli;

import dev.gilsim.validation.Dataset;
import dev.gilsim.validation.ProbeRunner;
import dev.gilsim.validation.Suite;
import dev.gilsim.validation.Validation;
import dev.gilsim.validation.ValidationReport;
import dev.gilsim.validation.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How far to trust gilsim on this machine: measure real CPython with the probes (or read stored
 * measurements), simulate the same experiments, and compare figure by figure.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Compare gilsim with real CPython: run the probes on each --python (or read --data),",
            "simulate the same experiments over several seeds, and report figure by figure."},
        footer = {"", "Examples:",
            "  gilsim validate --data probes/data/linux-kvm-2core",
            "  gilsim validate --python $(pyenv prefix 3.12.1)/bin/python3",
            "  gilsim validate --data probes/data/linux-kvm-2core --set python.wakeup_policy=fifo"})
final class ValidateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--python", paramLabel = "PATH", description = "Measure this interpreter first (repeatable).")
    List<String> pythons = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR", description = "Stored probe results to compare with.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output/validation",
            description = "Where the report goes (default ${DEFAULT-VALUE}); measurements go to DIR/measured.")
    Path out;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5", description = "Simulated seeds per experiment (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "3", description = "Real repetitions per experiment when measuring (default ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--only", paramLabel = "REGEX", description = "Only the experiments whose id matches.")
    String only;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel simulations (default: every core).")
    Integer jobs;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field in every simulated run: a model what-if (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "FILE", description = "A machine profile from 'gilsim calibrate', applied to every simulated run.")
    Path profile;

    @Option(names = "--table", description = "Print every figure, not only the scores.")
    boolean table;

    @Mixin
    ChartFormatOption format;

    @Override
    public void run() {
        if (pythons.isEmpty() && data == null) {
            throw new UserException("give --data DIR (stored measurements) or --python PATH (measure now)", Cli.BAD_INPUT);
        }
        if (seeds < 1 || seeds > 100 || reps < 1 || reps > 20) {
            throw new UserException("--seeds must be 1 to 100 and --reps 1 to 20", Cli.BAD_INPUT);
        }
        if (data != null && !Files.isDirectory(data)) {
            throw new UserException(data + ": no such folder of probe results", Cli.BAD_INPUT);
        }
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> sources = new ArrayList<>();
        if (data != null) {
            sources.add(data);
        }
        for (String python : pythons) {
            String version = ProbeRunner.version(python);
            Path dir = out.resolve("measured").resolve("cpython-" + version);
            err.println("gilsim: measuring CPython " + version + " into " + dir
                    + " (keep the machine quiet: other processes' CPU spoils GIL timings)");
            err.flush();
            try {
                ProbeRunner.measure(python, dir, reps, only, line -> {
                    err.println("  " + line);
                    err.flush();
                });
            } catch (IOException e) {
                throw new UserException("cannot run the probes: " + e.getMessage(), Cli.FAILURE);
            }
            sources.add(dir);
        }
        Dataset dataset = Dataset.read(sources);
        if (dataset.size() == 0) {
            throw new UserException("no quiet probe results found in " + sources, Cli.BAD_INPUT);
        }
        Suite suite = Suite.builtin();
        if (only != null) {
            suite = suite.only(only);
        }
        int j = jobs == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, jobs);
        Validation v = new Validator(suite, seeds, j, sets, ScenarioOptions.defaults(profile))
                .validate(dataset, progress(err));
        ValidationReport report = new ValidationReport(v);
        report.printTable(w, table);
        try {
            List<String> versions = v.versions();
            report.write(out.resolve("report"), format.format(), versions.get(versions.size() - 1));
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + e.getMessage(), Cli.FAILURE);
        }
        w.printf(Locale.ROOT, "wrote %s%n", out.resolve("report").resolve("report.html"));
        w.flush();
    }

    /** Simulation progress on one rewritten line, only when a person watches. */
    private static java.util.function.Consumer<String> progress(PrintWriter err) {
        if (System.console() == null) {
            return line -> { };
        }
        return line -> {
            err.print("\r" + line + "   ");
            if (line.startsWith("simulated") && line.contains(" of ")) {
                String[] p = line.split(" ");
                if (p[1].equals(p[3])) {
                    err.print("\r\033[K");
                }
            }
            err.flush();
        };
    }
}
