package dev.gilsim.cli;

import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gilsim bench --peer DIR}: the same GIL model written in SimPy and gilsim, timed in turn
 * on this machine (peer, gilsim, peer, gilsim...), so that a machine whose speed drifts moves both
 * sides of each ratio alike. Both sides run warm: the peer repeats its run in one process, gilsim
 * simulates for 3 s (at most 200 runs) before the first round and repeats in this one, and each
 * side's median counts.
 */
final class PeerBench {
    static final String SCRIPT = "gil_simpy.py";
    static final String SCENARIO = "peer-gil.yaml";
    private static final int ROUNDS = 3;
    private static final int PEER_REPEAT = 3;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final int WARMUP_RUNS_AT_MOST = 200;
    private static final Pattern SPEED = Pattern.compile("sim_s_per_wall_s=([0-9.]+)");

    private PeerBench() {
    }

    static void run(Path dir, String python, int seconds, ScenarioOptions options, PrintWriter w) {
        Path script = dir.resolve(SCRIPT);
        Path scenario = dir.resolve(SCENARIO);
        for (Path p : List.of(script, scenario)) {
            if (!Files.isRegularFile(p)) {
                throw new UserException("--peer " + dir + ": no " + p.getFileName() + " there", Cli.BAD_INPUT);
            }
        }
        List<String> sets = new ArrayList<>(options.overrides());
        sets.add("duration=" + seconds + "s");
        Scenario s = options.loader().load(scenario, sets).first();
        w.printf(Locale.ROOT, "%d s simulated a run; %s with %s against gilsim, in turn%n", seconds, SCRIPT, python);
        w.println("round   SimPy sim s per wall s   gilsim sim s per wall s   gilsim / SimPy");
        w.flush();
        // Warm: the JIT needs a few seconds of simulating before gilsim runs at its steady speed,
        // as the peer's Python needs none; a cold first round would understate gilsim by half.
        long warmUntil = System.nanoTime() + WARMUP_NANOS;
        for (int i = 0; i < WARMUP_RUNS_AT_MOST && System.nanoTime() < warmUntil; i++) {
            Simulation.run(s);
        }
        double[] ratios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            double simpy = peer(python, script, seconds);
            double gilsim = gilsim(s);
            ratios[round] = gilsim / simpy;
            w.printf(Locale.ROOT, "%5d %24.1f %25.1f %16.1f%n", round + 1, simpy, gilsim, ratios[round]);
            w.flush();
        }
        w.printf(Locale.ROOT, "gilsim is %.1f times as fast as the SimPy peer (median of %d rounds)%n",
                BenchCommand.median(ratios), ROUNDS);
    }

    /** The median of a warm-up and three timed runs of the scenario, in this JVM. */
    private static double gilsim(Scenario s) {
        Simulation.run(s);
        double[] speeds = new double[PEER_REPEAT];
        for (int i = 0; i < speeds.length; i++) {
            RunResult r = Simulation.run(s);
            speeds[i] = r.speed();
        }
        return BenchCommand.median(speeds);
    }

    /** The median of the peer's runs, each printing its simulated seconds per wall second. */
    private static double peer(String python, Path script, int seconds) {
        List<String> command = List.of(python, script.toString(), "--duration", String.valueOf(seconds),
                "--repeat", String.valueOf(PEER_REPEAT));
        String out;
        int code;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            code = p.waitFor();
        } catch (IOException e) {
            throw new UserException("--peer: cannot run " + python + ": " + e.getMessage(), Cli.BAD_INPUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("--peer: interrupted", Cli.FAILURE);
        }
        List<Double> speeds = new ArrayList<>();
        Matcher m = SPEED.matcher(out);
        while (m.find()) {
            speeds.add(Double.parseDouble(m.group(1)));
        }
        if (code != 0 || speeds.isEmpty()) {
            String last = out.strip().isEmpty() ? "no output" : out.strip().lines().reduce((a, b) -> b).orElse("");
            throw new UserException("--peer: " + String.join(" ", command) + " failed (exit " + code + "): " + last
                    + (last.contains("SimPy") ? " (Debian: apt-get install python3-simpy)" : ""), Cli.FAILURE);
        }
        return BenchCommand.median(speeds.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
