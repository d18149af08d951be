package dev.gilsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a user waits for: {@code gilsim run FILE} against {@code gilsim check FILE}, each a whole
 * process started through the launcher (JVM start-up, the class-data archive, the charts and the
 * files included), in turn, so that a machine whose speed drifts slows both alike. One untimed pair
 * first absorbs a rebuild of the jar or of its archive and a cold page cache.
 */
final class EndToEndBench {
    private EndToEndBench() {
    }

    /** The gilsim script of the build this class was loaded from: beside its {@code target/} folder. */
    static Path defaultLauncher() {
        try {
            Path code = Path.of(EndToEndBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/gilsim.jar or target/classes: the launcher sits beside target/.
            return code.toAbsolutePath().getParent().getParent().resolve("gilsim");
        } catch (Exception e) {
            return Path.of("gilsim");
        }
    }

    static void run(Path launcher, List<Path> files, List<String> forwarded, int rounds, PrintWriter w) {
        if (!Files.isRegularFile(launcher) || !Files.isExecutable(launcher)) {
            throw new UserException("--end-to-end: no executable gilsim launcher at " + launcher
                    + " (give --launcher PATH)", Cli.BAD_INPUT);
        }
        w.printf(Locale.ROOT, "end to end, whole processes through %s, %d rounds in turn after one untimed pair "
                + "(wall seconds, median [min-max])%n", launcher, rounds);
        int width = "scenario".length();
        for (Path file : files) {
            width = Math.max(width, file.toString().length());
        }
        String row = "%-" + width + "s  %-22s %-22s %s%n";
        w.printf(Locale.ROOT, row, "scenario", "run", "check", "run / check");
        w.flush();
        for (Path file : files) {
            double[] run = new double[rounds];
            double[] check = new double[rounds];
            for (int round = -1; round < rounds; round++) {
                double r = timeRun(launcher, file, forwarded);
                double c = time(command(launcher, "check", file, forwarded, null));
                if (round >= 0) {
                    run[round] = r;
                    check[round] = c;
                }
            }
            w.printf(Locale.ROOT, row, file, spread(run), spread(check),
                    String.format(Locale.ROOT, "%.2f", BenchCommand.median(run) / BenchCommand.median(check)));
            w.flush();
        }
    }

    private static double timeRun(Path launcher, Path file, List<String> forwarded) {
        Path out;
        try {
            out = Files.createTempDirectory("gilsim-bench-");
        } catch (IOException e) {
            throw new UserException("--end-to-end: cannot make a folder for the run's output: " + e.getMessage(),
                    Cli.FAILURE);
        }
        try {
            return time(command(launcher, "run", file, forwarded, out));
        } finally {
            delete(out);
        }
    }

    private static List<String> command(Path launcher, String verb, Path file, List<String> forwarded, Path out) {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), verb, file.toString()));
        command.addAll(forwarded);
        if (out != null) {
            command.addAll(List.of("--out", out.toString()));
        }
        return command;
    }

    /** Wall seconds of one whole process; its output goes to a file, read only if it fails. */
    private static double time(List<String> command) {
        Path log = null;
        try {
            log = Files.createTempFile("gilsim-bench-", ".log");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int code = p.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                String last = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
                throw new UserException("--end-to-end: " + String.join(" ", command) + " failed (exit " + code + "): "
                        + last, Cli.FAILURE);
            }
            return seconds;
        } catch (IOException e) {
            throw new UserException("--end-to-end: cannot run " + command.get(0) + ": " + e.getMessage(), Cli.FAILURE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("--end-to-end: interrupted", Cli.FAILURE);
        } finally {
            if (log != null) {
                delete(log);
            }
        }
    }

    private static String spread(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", BenchCommand.median(xs), s[0], s[s.length - 1]);
    }

    private static void delete(Path path) {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary file left behind is not worth failing the benchmark for.
        }
    }
}
