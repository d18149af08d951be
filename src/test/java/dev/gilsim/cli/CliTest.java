package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final String SCENARIO = """
            name: tiny
            duration: 300ms
            warmup: 50ms
            processes:
              - name: app
                threads:
                  - name: spinner
                    steps: [{cpu: forever}]
                  - name: sleeper
                    repeat: forever
                    steps: [{sleep: 1ms}]
            """;

    @TempDir
    Path dir;

    private static CliRunner.Outcome run(String... args) {
        return CliRunner.run(args);
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** A two-worker server on two cores whose one endpoint burns {@code cpu} per request. */
    private static String twoWorkerApp(String name, String cpu, String rate) {
        return """
                name: %s
                duration: 2s
                warmup: 0
                machine: {cores: 2}
                servers:
                  - name: api
                    workers: 2
                    endpoints:
                      - {name: work, kind: def, steps: [{cpu: %s}]}
                    arrivals:
                      - {rate: %s}
                """.formatted(name, cpu, rate);
    }

    @Test
    void gilEventsWritesEveryGilEventOfEachVariantOnlyWhenAsked() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        Path plain = dir.resolve("plain");
        Path traced = dir.resolve("traced");
        assertEquals(0, run("run", f.toString(), "--out", plain.toString()).code());
        CliRunner.Outcome o = run("run", f.toString(), "--out", traced.toString(), "--gil-events");
        assertEquals(0, o.code(), o.err());

        assertFalse(Files.exists(plain.resolve("tiny/gil-events.csv")));
        List<String> lines = Files.readAllLines(traced.resolve("tiny/gil-events.csv"));
        assertEquals("variant,time_ns,event,thread,core", lines.get(0));
        // The sleeper releases the GIL at each sleep and takes it back: both are logged, in time order.
        assertTrue(lines.stream().anyMatch(l -> l.matches("base,\\d+,release,app/sleeper,-?\\d+")), lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.matches("base,\\d+,take,app/sleeper,-?\\d+")), lines.get(1));
        long previous = 0;
        for (String l : lines.subList(1, lines.size())) {
            long t = Long.parseLong(l.split(",")[1]);
            assertTrue(t >= previous, l);
            previous = t;
        }
        // The other outputs are the same run's: asking for the events changes no figure.
        assertEquals(Files.readString(plain.resolve("tiny/threads.csv")), Files.readString(traced.resolve("tiny/threads.csv")));
    }

    @Test
    void runPrintsATableAndWritesTheSummaryAtomically() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        Path out = dir.resolve("out");
        CliRunner.Outcome o = run("run", f.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("app/sleeper"), o.out());
        Path summary = out.resolve("tiny/summary.json");
        assertTrue(Files.exists(summary));
        assertTrue(Files.readString(summary).contains("\"return_delay\""));
        try (var files = Files.list(out.resolve("tiny"))) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void sameSeedGivesByteIdenticalSummaries() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        run("run", f.toString(), "--out", dir.resolve("a").toString());
        run("run", f.toString(), "--out", dir.resolve("b").toString());
        run("run", f.toString(), "--out", dir.resolve("c").toString(), "--seed", "2");
        byte[] a = Files.readAllBytes(dir.resolve("a/tiny/summary.json"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/tiny/summary.json")));
        assertFalse(new String(a).equals(Files.readString(dir.resolve("c/tiny/summary.json"))));
    }

    @Test
    void serverScenariosAreByteIdenticalToo() throws IOException {
        String f = "scenarios/ten-cpu-tasks-in-thread-pool.yaml";
        run("run", f, "--out", dir.resolve("a").toString(), "--set", "duration=2s");
        run("run", f, "--out", dir.resolve("b").toString(), "--set", "duration=2s");
        byte[] a = Files.readAllBytes(dir.resolve("a/ten-cpu-tasks-in-thread-pool/summary.json"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/ten-cpu-tasks-in-thread-pool/summary.json")));
        String text = new String(a, java.nio.charset.StandardCharsets.UTF_8);
        for (String field : List.of("\"loop_lag\"", "\"endpoints\"", "\"throughput_per_s\"", "\"unfinished\"",
                "\"slow_callbacks\"", "\"executors\"", "\"queue_length_mean\"", "\"jobs\"")) {
            assertTrue(text.contains(field), field);
        }
    }

    /**
     * 200 req/s of 20 ms def work on 2 workers: capacity is 2 / 20 ms = 100/s at best, so about
     * half of the 400 offered in 2 s are still waiting at the end, and both outputs say so.
     */
    @Test
    void anOverloadedAppIsCountedAndWarnedAboutInTheConsoleAndTheReport() throws IOException {
        Path f = write("overload.yaml", twoWorkerApp("overload", "20ms", "200/s"));
        Path out = dir.resolve("out");
        CliRunner.Outcome o = run("run", f.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("offered") && o.out().contains("unfinished"), o.out());
        assertTrue(o.out().contains("WARNING overload: api/work: "), o.out());
        String report = Files.readString(out.resolve("overload/report.html"));
        assertTrue(report.contains("<p class=\"warning\">overload: api/work: "), report);
        assertTrue(report.contains("<th>offered</th><th>completed</th><th>unfinished</th><th>rejected (503)</th>"));
    }

    @Test
    void summaryAndReportSayWhatWasSimulated() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        Path out = dir.resolve("out");
        CliRunner.Outcome o = run("run", f.toString(), "--out", out.toString(), "--set", "duration=200ms",
                "--seed", "7");
        assertEquals(0, o.code(), o.err());
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("tiny/summary.json")
                .toFile());
        assertEquals(SCENARIO, summary.path("scenario_text").asText());
        assertEquals("duration=200ms", summary.path("command_line").path("set").get(0).asText());
        assertEquals(7, summary.path("command_line").path("seed").asLong());
        assertFalse(summary.path("gilsim_version").asText().isEmpty());
        String report = Files.readString(out.resolve("tiny/report.html"));
        assertTrue(report.contains("<code>--set duration=200ms</code> <code>--seed 7</code>"), report);
        assertTrue(report.contains("<details><summary>The scenario file as written</summary>\n<pre>name: tiny\n"));
    }

    @Test
    void anAppThatKeepsUpGetsNoOverloadWarning() throws IOException {
        Path f = write("light.yaml", twoWorkerApp("light", "1ms", "50/s"));
        CliRunner.Outcome o = run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("offered"), o.out());
        assertFalse(o.out().contains("WARNING"), o.out());
    }

    @Test
    void aProcessLeftWithoutThreadsStillGetsItsReport() {
        Path out = dir.resolve("out");
        CliRunner.Outcome o = run("run", "scenarios/two-cpu-threads.yaml", "--out", out.toString(), "--set",
                "processes.app.threads.worker.count=0", "--set", "duration=100ms", "--set", "warmup=0");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.exists(out.resolve("two-cpu-threads/report.html")));
    }

    @Test
    void badInputGivesOneLocatedLineAndExitCode2() throws IOException {
        Path f = write("bad.yaml", SCENARIO.replace("duration: 300ms", "duration: -300ms"));
        Path out = dir.resolve("out");
        CliRunner.Outcome o = run("run", f.toString(), "--out", out.toString());
        assertEquals(2, o.code());
        assertEquals(f + ":2:11: duration: must not be negative (got -300ms)", o.err().strip());
        assertFalse(o.err().contains("Exception"));
        assertFalse(Files.exists(out.resolve("tiny")), "nothing half-written");
    }

    @Test
    void aBadFileAmongGoodOnesStopsBeforeAnythingRuns() throws IOException {
        Path good = write("good.yaml", SCENARIO);
        Path bad = write("bad.yaml", SCENARIO.replace("name: tiny", "name: tiny2\ncores: 4"));
        CliRunner.Outcome o = run("run", good.toString(), bad.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith(bad + ":2:1: cores: unknown field 'cores'"), o.err());
        assertFalse(Files.exists(dir.resolve("out/tiny")));
    }

    @Test
    void missingFileIsBadInput() {
        CliRunner.Outcome o = run("check", dir.resolve("nope.yaml").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("nope.yaml") && o.err().contains("cannot read"), o.err());
    }

    @Test
    void everyCommandReadsAFileTheSameWay() throws IOException {
        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        String out = dir.resolve("out").toString();
        for (List<String> command : List.of(List.of("check"), List.of("run", "--out", out),
                List.of("sweep", "--out", out))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.add(binary.toString());
            CliRunner.Outcome o = run(args.toArray(String[]::new));
            assertEquals(2, o.code(), command + ": " + o.err());
            assertEquals(binary + ": cannot read file: not UTF-8 text", o.err().strip(), command.toString());
        }
    }

    @Test
    void unknownOptionIsBadInput() {
        CliRunner.Outcome o = run("run", "--frobnicate");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("Unknown option"), o.err());
    }

    @Test
    void badSetIsBadInput() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        CliRunner.Outcome o = run("check", f.toString(), "--set", "python.switch_interval=fast");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("--set:1:24: python.switch_interval: 'fast' is not a duration"), o.err());
    }

    @Test
    void checkValidatesWithoutRunning() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        CliRunner.Outcome o = run("check", f.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(f + ": ok (tiny, 1 variant: base)", o.out().strip());
    }

    @Test
    void runWithoutAFileRunsTheBuiltInScenarioAndSaysWhich() {
        CliRunner.Outcome o = run("run", "--out", dir.toString(), "--set", "duration=2s", "--set", "warmup=0");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("No scenario file given: running the built-in scenario "
                + "scenarios/pow-thread-pool-vs-process-pool.yaml"), o.out());
        // The servers table: one row per variant, loop lag and each endpoint side by side.
        assertTrue(o.out().contains("variant"), o.out());
        assertTrue(o.out().contains("loop lag p50"), o.out());
        assertTrue(o.out().contains("process-reused"), o.out());
        assertTrue(Files.exists(dir.resolve("pow-thread-pool-vs-process-pool/summary.json")));
    }

    @Test
    void helpAndVersionSucceed() {
        CliRunner.Outcome help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("gilsim run scenarios/"));
        CliRunner.Outcome runHelp = run("run", "--help");
        assertTrue(runHelp.out().contains("--set"));
        assertEquals(0, run("--version").code());
        assertEquals(2, run().code());
    }

    @Test
    void aFullHeapAnywhereInTheCauseChainIsReportedAsOneLineNamingTheWayOut() {
        Exception wrapped = new RuntimeException("a sweep point failed",
                new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space")));
        assertTrue(Cli.causedByOutOfMemory(wrapped));
        assertFalse(Cli.causedByOutOfMemory(new RuntimeException(new IllegalStateException())));
        String line = Cli.outOfMemory();
        assertFalse(line.contains("\n"));
        assertTrue(line.startsWith("gilsim: out of memory: the Java heap (") && line.contains("-Xmx"), line);
    }

    @Test
    void failIfSetsExitCodeThreeWhenAVariantMeetsTheConditionAndStillWritesTheResults() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        Path out = dir.resolve("out");
        // The sleeper beside a spinner returns one switch interval late: about 5.2 ms at the median.
        CliRunner.Outcome met = run("run", f.toString(), "--out", out.toString(),
                "--fail-if", "threads.app/sleeper.return_delay.p50_ms>4ms",
                "--fail-if", "threads.app/sleeper.return_delay.p50_ms>1s");
        assertEquals(3, met.code(), met.err());
        assertTrue(met.out().contains("FAIL tiny/base: threads.app/sleeper.return_delay.p50_ms = 5."), met.out());
        assertTrue(met.out().contains("--fail-if: 1 condition met"), met.out());
        assertTrue(Files.exists(out.resolve("tiny/summary.json")));

        CliRunner.Outcome held = run("run", f.toString(), "--out", out.toString(),
                "--fail-if", "threads.app/sleeper.return_delay.p50_ms>=10ms");
        assertEquals(0, held.code(), held.err());
        assertTrue(held.out().contains("--fail-if: no condition met by any variant"), held.out());
    }

    @Test
    void aMisspeltFailIfMetricIsRefusedBeforeAnythingRuns() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        Path out = dir.resolve("out");
        CliRunner.Outcome o = run("run", f.toString(), "--out", out.toString(),
                "--fail-if", "threads.app/sleeper.return_delay.p50_mss>4ms");
        assertEquals(2, o.code());
        assertEquals("gilsim: --fail-if 'threads.app/sleeper.return_delay.p50_mss>4ms': no run reports "
                + "'threads.app/sleeper.return_delay.p50_mss' (did you mean 'threads.app/sleeper.return_delay.p50_ms'?)",
                o.err().strip());
        assertFalse(Files.exists(out.resolve("tiny/summary.json")));
        assertEquals(2, run("run", f.toString(), "--fail-if", "p50 = 4").code());
    }

    /**
     * --peer times the peer's script and gilsim on the peer's scenario in turn and prints their
     * ratio: a stand-in script that reports 10 simulated seconds per wall second (3 runs a call).
     */
    @Test
    void benchAgainstAPeerPrintsEachRoundAndTheMedianRatio() throws IOException {
        write("gil_simpy.py", "import sys\nfor _ in range(3):\n    print('simpy sim_s_per_wall_s=10.0', flush=True)\n");
        write("peer-gil.yaml", SCENARIO);
        CliRunner.Outcome o = run("bench", "--peer", dir.toString(), "--peer-python", "python3", "--peer-duration", "1");
        assertEquals(0, o.code(), o.err());
        String[] lines = o.out().strip().split("\n");
        assertEquals(6, lines.length, o.out());
        assertTrue(lines[2].trim().startsWith("1 ") && lines[2].contains(" 10.0 "), lines[2]);
        assertTrue(lines[5].matches("gilsim is [0-9.]+ times as fast as the SimPy peer \\(median of 3 rounds\\)"),
                lines[5]);

        Files.writeString(dir.resolve("gil_simpy.py"), "import sys\nprint('No module named SimPy')\nsys.exit(1)\n");
        CliRunner.Outcome broken = run("bench", "--peer", dir.toString(), "--peer-python", "python3");
        assertEquals(1, broken.code());
        assertTrue(broken.err().contains("No module named SimPy") && broken.err().contains("python3-simpy"), broken.err());
        assertEquals(2, run("bench", "--peer", dir.resolve("nowhere").toString()).code());
    }

    @Test
    void benchReportsEventsPerSecondSimulatedSecondsPerWallAndCpuSecondAndBytesPerEvent() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        CliRunner.Outcome o = run("bench", f.toString(), "--repeat", "1", "--warmup-runs", "0");
        assertEquals(0, o.code(), o.err());
        String[] lines = o.out().strip().split("\n");
        assertTrue(lines[0].endsWith("sim s per wall s   sim s per CPU s   bytes per event"), lines[0]);
        String[] row = lines[1].trim().split("\\s+");
        assertEquals("tiny/base", row[0]);
        assertEquals(6, row.length, lines[1]);
        assertTrue(Long.parseLong(row[1]) > 0, "events");
        assertTrue(Double.parseDouble(row[4]) > 0, "sim s per CPU s");
        assertTrue(Double.parseDouble(row[5]) >= 0, "bytes per event");
    }

    @Test
    void diffListsTheFiguresThatMovedBetweenTwoRuns() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        assertEquals(0, run("run", f.toString(), "--out", dir.resolve("a").toString()).code());
        // A 1 ms interval brings the sleeper's return delay from about 5 ms down to about 1 ms.
        assertEquals(0, run("run", f.toString(), "--out", dir.resolve("b").toString(),
                "--set", "python.switch_interval=1ms").code());
        CliRunner.Outcome o = run("diff", dir.resolve("a/tiny").toString(), dir.resolve("b/tiny").toString(),
                "--metric", "sleeper.return_delay.p50_ms");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("base     threads.app/sleeper.return_delay.p50_ms"), o.out());
        assertTrue(o.out().contains("1 of 1 figures moved by more than 5%"), o.out());
        CliRunner.Outcome same = run("diff", dir.resolve("a/tiny").toString(), dir.resolve("a/tiny/summary.json").toString());
        assertTrue(same.out().startsWith("no figure moved by more than 5%"), same.out());
        assertEquals(2, run("diff", dir.resolve("a").toString(), dir.resolve("b/tiny").toString()).code());
    }

    @Test
    void initWritesAnAnnotatedServiceScenarioThatChecksAndNeverOverwrites() throws IOException {
        Path f = dir.resolve("svc.yaml");
        CliRunner.Outcome o = run("init", f.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(f).contains("# How to fill it in"));
        CliRunner.Outcome checked = run("check", f.toString());
        assertEquals(0, checked.code(), checked.err());
        assertTrue(checked.out().contains("3 variants: as-is, process-pool, two-workers"), checked.out());
        Files.writeString(f, "mine");
        CliRunner.Outcome again = run("init", f.toString());
        assertEquals(2, again.code());
        assertEquals("mine", Files.readString(f));
    }

    @Test
    void generateCompletionPrintsABashScriptThatCompletesEveryCommand() {
        CliRunner.Outcome o = run("generate-completion");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("#!/usr/bin/env bash"), o.out().lines().findFirst().orElse(""));
        for (String command : List.of("run", "check", "sweep", "diff", "init", "validate")) {
            assertTrue(o.out().contains(command), command);
        }
    }
}
