package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioFile;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 12's fuzzer, bounded for {@code mvn verify}: a shipped scenario with one to three random
 * edits (a line deleted, doubled or swapped, a value replaced by a hostile one, a character
 * inserted) is either refused by {@code gilsim check} in one located line with exit code 2, or
 * accepted; an accepted one then simulates its first millisecond in every variant without a crash.
 */
class MutatedScenarioProperties {
    private static final List<String> HOSTILE = List.of("0", "-1", "1000000", "1e309", "forever", "5qs", "[]", "{}",
            "~", "''", "\"\\e[2J\"", "\"\\u202e\"", "1ns", "24h", "25h", "1/s", "0/s", "nan", "-0ms", "0.5",
            "{exponential: {mean: 0}}", "{uniform: {min: 2ms, max: 1ms}}", "{empirical: [0]}", "[1ms, 2ms]",
            "yes", "3.99", "\"3.13t\"", "free-threaded", "x".repeat(300));

    private static List<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Property(tries = 120)
    void aMutatedScenarioIsRefusedInOneLineOrRunsWithoutACrash(@ForAll @IntRange(min = 0, max = 1000) int which,
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int edits) throws IOException {
        List<Path> files = shipped();
        assertTrue(files.size() >= 10, "the shipped scenarios are missing");
        Path source = files.get(which % files.size());
        SplittableRandom r = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>(Files.readAllLines(source));
        for (int i = 0; i < edits; i++) {
            mutate(lines, r);
        }
        Path mutant = Files.createTempFile("mutant", ".yaml");
        try {
            Files.writeString(mutant, String.join("\n", lines) + "\n");
            CliRunner.Outcome o = CliRunner.run("check", mutant.toString());
            String err = o.err().strip();
            assertFalse(err.contains("Exception") || err.contains("\tat "), "a stack trace: " + err);
            if (o.code() == 2) {
                assertTrue(err.startsWith(mutant.toString() + ":"), "not located: " + err);
                assertFalse(err.contains("\n"), "more than one line: " + err);
                return;
            }
            assertTrue(o.code() == 0, "exit " + o.code() + ": " + err);
            ScenarioFile file = new ScenarioLoader().load(mutant, List.of());
            for (Scenario v : file.variants()) {
                if (threads(v) <= 2_000) {
                    Simulation.run(v.brief());
                }
            }
        } finally {
            Files.deleteIfExists(mutant);
        }
    }

    /** A rough count, to keep a mutant with thousands of threads out of a bounded test. */
    private static long threads(Scenario v) {
        long n = v.processes().stream().mapToLong(p -> p.threads().size()).sum();
        for (var s : v.servers()) {
            n += (long) s.spec().workers() * (2 + s.spec().backgroundThreads().size()
                    + s.spec().executors().size() * 64L);
        }
        return n;
    }

    private static void mutate(List<String> lines, SplittableRandom r) {
        if (lines.isEmpty()) {
            lines.add(HOSTILE.get(r.nextInt(HOSTILE.size())));
            return;
        }
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        switch (r.nextInt(5)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, line);
            case 2 -> {
                int j = r.nextInt(lines.size());
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
            case 3 -> {
                int colon = line.lastIndexOf(": ");
                String hostile = HOSTILE.get(r.nextInt(HOSTILE.size()));
                lines.set(i, colon >= 0 ? line.substring(0, colon + 2) + hostile : line + " " + hostile);
            }
            default -> {
                int at = line.isEmpty() ? 0 : r.nextInt(line.length() + 1);
                char c = "{}[]:,#&*!|>'\"%@` -\t\u00a0".charAt(r.nextInt(21));
                lines.set(i, line.substring(0, at) + c + line.substring(at));
            }
        }
    }
}
