package dev.gilsim.cli;

import dev.gilsim.scenario.Defaults;
import dev.gilsim.validation.Calibration;
import dev.gilsim.validation.Dataset;
import dev.gilsim.validation.ProbeRunner;
import dev.gilsim.validation.ProfileText;
import dev.gilsim.validation.Suite;
import dev.gilsim.validation.Validation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fits this machine's parameters (wake-up latencies, timer slack, the loop's timer wake-up, the
 * syscall cost, the asker's share of a requested drop, glibc's groups and the timeouts queued
 * behind the holder) from probe measurements of a real CPython and writes a machine profile that
 * {@code --profile} applies.
 */
@Command(name = "calibrate",
        description = {"Fit the machine parameters the model needs from measurements of a real CPython,",
            "and write a machine profile for --profile (run, check, sweep, bench, validate)."},
        footer = {"", "Examples:",
            "  gilsim calibrate --python $(pyenv prefix 3.12.1)/bin/python3 --out my-machine.yaml",
            "  gilsim calibrate --data probes/data/linux-kvm-2core --version 3.12.1",
            "  gilsim calibrate --data probes/data/linux-kvm-2core-amd --version 3.12.1 --score-on all",
            "  gilsim run scenarios/sleeper-beside-cpu.yaml --profile my-machine.yaml"})
final class CalibrateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    // Not picocli's standard options: their --version would take the name of the one below.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--python", paramLabel = "PATH", description = "Measure this interpreter (a few minutes on a quiet machine).")
    String python;

    @Option(names = "--data", paramLabel = "DIR", description = "Stored probe results instead.")
    Path data;

    @Option(names = "--version", paramLabel = "X.Y.Z", description = "Which version's results in --data (default: the newest).")
    String version;

    @Option(names = "--score-on", paramLabel = "VERSIONS", description = {
        "The versions in --data whose measurements score the candidate values (the wake-ups, the asker's",
        "shares, glibc's groups) and the profile's worth: all, or X.Y.Z[,X.Y.Z...] (default: --version's alone).",
        "The direct fits (timer slack, sleep(0), syscalls, the idle loop) come from --version's runs."})
    String scoreOn;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "machine-profile.yaml",
            description = "The profile to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "3", description = "Repetitions per experiment when measuring (default ${DEFAULT-VALUE}).")
    int reps;

    @Override
    public void run() {
        if ((python == null) == (data == null)) {
            throw new UserException("give exactly one of --python PATH (measure now) and --data DIR", Cli.BAD_INPUT);
        }
        if (reps < 1 || reps > 20) {
            throw new UserException("--reps must be 1 to 20", Cli.BAD_INPUT);
        }
        if (python != null && scoreOn != null && !scoreOn.strip().equals("all")) {
            // Checked before minutes of measuring: only the version measured now will be there.
            throw new UserException("--score-on names versions in --data; with --python only the version measured now "
                    + "is there (leave --score-on out)", Cli.BAD_INPUT);
        }
        PrintWriter err = spec.commandLine().getErr();
        Path source = probeResults(err);
        Dataset d = Dataset.read(source);
        if (d.versions().isEmpty()) {
            throw new UserException("no quiet probe results in " + source, Cli.BAD_INPUT);
        }
        String v = version != null ? version : d.versions().get(d.versions().size() - 1);
        if (!d.versions().contains(v)) {
            throw new UserException("no measurements of CPython " + v + " in " + source + "; it has "
                    + String.join(", ", d.versions()), Cli.BAD_INPUT);
        }
        List<String> scored = scoredVersions(d, v, source);
        Calibration calibration = new Calibration(d, v, scored);
        List<Calibration.Fitted> fits = fit(calibration, err);
        err.println("gilsim: comparing the profile with defaults.yaml on these measurements...");
        err.flush();
        int jobs = Runtime.getRuntime().availableProcessors();
        Validation withDefaults = calibration.validate(Defaults.get(), jobs);
        Validation withProfile = calibration.validate(profileDefaults(ProfileText.of("", fits)), jobs);
        String scoredText = scored.equals(List.of(v)) ? ""
                : "; its candidates scored on CPython " + String.join(", ", scored);
        String text = ProfileText.of("gilsim machine profile, fitted by gilsim calibrate from CPython " + v
                + " measured in " + source + scoredText + ".\nApply it with --profile " + out.getFileName()
                + "; every value here replaces defaults.yaml's.\n" + String.format(java.util.Locale.ROOT,
                "Of these measurements' %d figures, %.0f%% are in band with this profile (geometric mean ratio %.2f)"
                + "\nand %.0f%% with defaults.yaml (%.2f), 3 seeds each.", withProfile.figures().size(),
                100 * withProfile.score(), withProfile.geometricMeanRatio(), 100 * withDefaults.score(),
                withDefaults.geometricMeanRatio()), fits);
        writeProfile(text);
        PrintWriter w = spec.commandLine().getOut();
        w.print(text);
        w.println("wrote " + out);
        w.flush();
    }

    /** --score-on's versions, each one that --data holds; --version's alone without it. */
    private List<String> scoredVersions(Dataset d, String v, Path source) {
        if (scoreOn == null) {
            return List.of(v);
        }
        if (scoreOn.strip().equals("all")) {
            return d.versions();
        }
        List<String> out = new ArrayList<>();
        for (String part : scoreOn.split(",")) {
            String x = part.strip();
            if (!d.versions().contains(x)) {
                throw new UserException("--score-on: no measurements of CPython " + (x.isEmpty() ? "''" : x) + " in "
                        + source + "; it has " + String.join(", ", d.versions()) + " (or give all)", Cli.BAD_INPUT);
            }
            if (!out.contains(x)) {
                out.add(x);
            }
        }
        return out;
    }

    /** The folder of probe results: --data, or where --python's interpreter is measured now. */
    private Path probeResults(PrintWriter err) {
        if (python == null) {
            if (!Files.isDirectory(data)) {
                throw new UserException(data + ": no such folder of probe results", Cli.BAD_INPUT);
            }
            return data;
        }
        String v = ProbeRunner.version(python);
        Path source = Path.of("output", "calibration", "cpython-" + v);
        err.println("gilsim: measuring CPython " + v + " into " + source + " (keep the machine quiet)");
        err.flush();
        try {
            ProbeRunner.measure(python, source, reps, Calibration.EXPERIMENTS, line -> {
                err.println("  " + line);
                err.flush();
            });
        } catch (IOException e) {
            throw new UserException("cannot run the probes: " + e.getMessage(), Cli.FAILURE);
        }
        return source;
    }

    /**
     * Every fitted value, the wake-up latency first. The direct fits come first; the loop's timer
     * wake-up and the wake-up latency are then found by validating with the direct fits applied,
     * and the handoff wake-up with the wake-up latency applied too.
     */
    private static List<Calibration.Fitted> fit(Calibration c, PrintWriter err) {
        List<Calibration.Fitted> fits = new ArrayList<>(c.fit());
        List<String> sets = new ArrayList<>();
        for (Calibration.Fitted f : fits) {
            sets.add(f.assignment());
        }
        Calibration.Fitted loop = c.loopTimerWakeup(Suite.builtin(), sets);
        if (loop != null) {
            fits.add(loop);
        }
        Calibration.Fitted syscalls = c.syscallScale(Suite.builtin(), sets);
        if (syscalls != null) {
            fits.add(syscalls);
            sets.add(syscalls.assignment());
        }
        err.println("gilsim: fitting the wake-up latency (a few validations)...");
        err.flush();
        int jobs = Runtime.getRuntime().availableProcessors();
        Calibration.Fitted wakeup = c.wakeupLatency(Suite.builtin(), sets, jobs);
        fits.add(0, wakeup);
        sets.add(wakeup.assignment());
        err.println("gilsim: fitting how often the asker of a drop wins it (ten validations)...");
        err.flush();
        for (Calibration.Fitted share : c.requesterShares(Suite.builtin(), sets, jobs)) {
            fits.add(share);
            sets.add(share.assignment());
        }
        err.println("gilsim: fitting glibc's groups and the timeouts queued behind the holder (three validations)...");
        err.flush();
        List<Calibration.Fitted> placement = c.waiterPlacement(Suite.builtin(), sets, jobs);
        for (Calibration.Fitted p : placement) {
            fits.add(p);
            sets.add(p.assignment());
        }
        if (placement.stream().anyMatch(p -> p.assignment().equals("machine.condvar_groups=true"))) {
            // With the groups the asker can win only inside G1, so its shares are fitted again.
            err.println("gilsim: fitting the asker's shares again, with the groups (ten validations)...");
            err.flush();
            fits.removeIf(f -> f.path().startsWith("python.requester_wins"));
            sets.removeIf(a -> a.startsWith("python.requester_wins"));
            for (Calibration.Fitted share : c.requesterShares(Suite.builtin(), sets, jobs)) {
                fits.add(share);
                sets.add(share.assignment());
            }
        }
        err.println("gilsim: fitting the awake window of a waiter that lost a race (two validations)...");
        err.flush();
        Calibration.Fitted awake = c.awakeWindow(Suite.builtin(), sets, jobs);
        fits.add(awake);
        sets.add(awake.assignment());
        fits.add(c.handoffWakeup(Suite.builtin(), sets, jobs));
        return fits;
    }

    /** defaults.yaml with the fitted values over it, as --profile would load them. */
    private static Defaults profileDefaults(String profile) {
        try {
            Path tmp = Files.createTempFile("gilsim-profile-", ".yaml");
            try {
                Files.writeString(tmp, profile, StandardCharsets.UTF_8);
                return Defaults.withProfile(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserException("cannot write a temporary profile: " + e.getMessage(), Cli.FAILURE);
        }
    }

    /** Written whole or not at all: a temporary file beside it, moved into place. */
    private void writeProfile(String text) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".profile-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + e.getMessage(), Cli.FAILURE);
        }
    }
}
