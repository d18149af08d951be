package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep and merge commands as a user runs them: parallel, resumable, shardable, deterministic. */
class SweepCliTest {
    private static final String SCENARIO = """
            name: tiny-sweep
            duration: 150ms
            warmup: 10ms
            processes:
              - name: app
                threads:
                  - name: spinner
                    steps: [{cpu: forever}]
                  - name: sleeper
                    repeat: forever
                    steps: [{sleep: {exponential: {mean: 1ms}}}]
            sweep:
              grid:
                python.switch_interval: [500us, 1ms, 5ms]
                machine.cores: [1, 2]
              replications: 2
              metric: threads.app/sleeper.return_delay.p50_ms
            """;

    @TempDir
    Path dir;

    private static CliRunner.Outcome run(String... args) {
        return CliRunner.run(args);
    }

    private Path scenario(String text) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    private Path sweep(String out) {
        return dir.resolve(out).resolve("tiny-sweep/sweep");
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        for (String name : List.of("sweep.csv", "sweep.json", "plan.json", "sweep.html")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
        try (var files = Files.list(a.resolve("points"))) {
            for (Path p : files.sorted().toList()) {
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(b.resolve("points").resolve(p.getFileName())),
                        p.getFileName().toString());
            }
        }
    }

    @Test
    void oneJobAndTwoJobsWriteIdenticalFiles() throws IOException {
        Path f = scenario(SCENARIO);
        CliRunner.Outcome one = run("sweep", f.toString(), "--jobs", "1", "--out", dir.resolve("one").toString());
        CliRunner.Outcome two = run("sweep", f.toString(), "--jobs", "2", "--out", dir.resolve("two").toString());
        assertEquals(0, one.code(), one.err());
        assertEquals(0, two.code(), two.err());
        assertSameFiles(sweep("one"), sweep("two"));
        assertTrue(Files.exists(sweep("one").resolve("sweep-threads.app_sleeper.return_delay.p50_ms.png")));
        assertTrue(one.out().contains("500us"), one.out());
        String csv = Files.readString(sweep("one").resolve("sweep.csv"));
        assertTrue(csv.startsWith("point,python.switch_interval,machine.cores,variant,metric,replication,seed,value,"
                + "n,mean,sd,ci95_low,ci95_high\n"), csv.substring(0, 200));
        assertTrue(csv.contains("\n5,5ms,2,base,threads.app/sleeper.return_delay.p50_ms,summary,,,2,"));
    }

    @Test
    void sweptTextThatLooksLikeAFormulaIsDefusedInTheCsv() throws IOException {
        Path f = scenario(SCENARIO.replace("python.switch_interval: [500us, 1ms, 5ms]", "title: [\"=1+1\", \"@cmd\"]")
                .replace("\n    machine.cores: [1, 2]", "").replace("replications: 2", "replications: 1"));
        CliRunner.Outcome o = run("sweep", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, o.code(), o.err());
        String csv = Files.readString(sweep("out").resolve("sweep.csv"));
        assertTrue(csv.contains("\n0,'=1+1,base,") && csv.contains("\n1,'@cmd,base,"), csv.substring(0, 300));
    }

    @Test
    void aKilledSweepResumesAndEndsWithTheSameFiles() throws IOException {
        Path f = scenario(SCENARIO);
        run("sweep", f.toString(), "--out", dir.resolve("whole").toString());
        run("sweep", f.toString(), "--out", dir.resolve("killed").toString());
        Path killed = sweep("killed");
        // As a kill leaves it: two points never written, one left as a temp file, no final files.
        Files.delete(killed.resolve("points/p00001.json"));
        Files.delete(killed.resolve("points/p00004.json"));
        Files.writeString(killed.resolve("points/.p00004.json.123.tmp"), "{\"fingerp");
        Files.delete(killed.resolve("sweep.csv"));
        Files.delete(killed.resolve("sweep.json"));
        CliRunner.Outcome resumed = run("sweep", f.toString(), "--out", dir.resolve("killed").toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertSameFiles(sweep("whole"), killed);
    }

    @Test
    void pointsOfAnotherSweepAreNotReused() throws IOException {
        Path f = scenario(SCENARIO);
        run("sweep", f.toString(), "--out", dir.resolve("a").toString());
        byte[] before = Files.readAllBytes(sweep("a").resolve("points/p00000.json"));
        Files.writeString(f, SCENARIO.replace("duration: 150ms", "duration: 160ms"));
        run("sweep", f.toString(), "--out", dir.resolve("a").toString());
        assertTrue(!java.util.Arrays.equals(before, Files.readAllBytes(sweep("a").resolve("points/p00000.json"))));
    }

    @Test
    void shardsMergeIntoTheFilesOfAnUnshardedSweep() throws IOException {
        Path f = scenario(SCENARIO);
        run("sweep", f.toString(), "--out", dir.resolve("whole").toString());
        CliRunner.Outcome s0 = run("sweep", f.toString(), "--shard", "0/2", "--out", dir.resolve("s0").toString());
        CliRunner.Outcome s1 = run("sweep", f.toString(), "--shard", "1/2", "--out", dir.resolve("s1").toString());
        assertEquals(0, s0.code(), s0.err());
        assertTrue(s0.out().contains("gilsim merge"), s0.out());
        CliRunner.Outcome early = run("merge", sweep("s0").toString(), "--out", dir.resolve("early").toString());
        assertEquals(2, early.code());
        assertTrue(early.err().contains("points [1, 3, 5] of 6 are missing"), early.err());
        CliRunner.Outcome merged = run("merge", sweep("s0").toString(), sweep("s1").toString(), "--out",
                dir.resolve("merged").toString());
        assertEquals(0, merged.code(), merged.err());
        assertSameFiles(sweep("whole"), dir.resolve("merged"));
    }

    @Test
    void badSweepSpecsAreLocatedAndExitWith2() throws IOException {
        Path unknownPath = scenario(SCENARIO.replace("machine.cores: [1, 2]", "machine.corez: [1, 2]"));
        CliRunner.Outcome a = run("sweep", unknownPath.toString(), "--out", dir.toString());
        assertEquals(2, a.code());
        assertTrue(a.err().startsWith(unknownPath + ":15:21: machine.corez: unknown field 'corez' (did you mean "
                + "'cores'?)"), a.err());

        Path empty = scenario(SCENARIO.replace("machine.cores: [1, 2]", "machine.cores: []"));
        CliRunner.Outcome b = run("sweep", empty.toString(), "--out", dir.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().startsWith(empty + ":15:20: sweep.grid.machine.cores: no values"), b.err());

        Path badMetric = scenario(SCENARIO.replace("return_delay.p50_ms", "return_delay.p51_ms"));
        CliRunner.Outcome c = run("sweep", badMetric.toString(), "--out", dir.toString());
        assertEquals(2, c.code());
        assertTrue(c.err().startsWith(badMetric + ":17:11: sweep.metric: no run reports "
                + "'threads.app/sleeper.return_delay.p51_ms' (did you mean 'threads.app/sleeper.return_delay.p50_ms'?)"),
                c.err());
        assertTrue(Files.notExists(sweep("").resolve("points")), "the misspelt metric is found before any point runs");

        Path badValue = scenario(SCENARIO.replace("[500us, 1ms, 5ms]", "[500us, -1ms]"));
        CliRunner.Outcome d = run("sweep", badValue.toString(), "--out", dir.toString());
        assertEquals(2, d.code());
        assertTrue(d.err().startsWith(badValue + ":14:37: python.switch_interval:"), d.err());

        CliRunner.Outcome e = run("sweep", scenario(SCENARIO).toString(), "--shard", "2/2", "--out", dir.toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("--shard"), e.err());

        Path nothing = scenario(SCENARIO.substring(0, SCENARIO.indexOf("sweep:")));
        CliRunner.Outcome g = run("sweep", nothing.toString(), "--out", dir.toString());
        assertEquals(2, g.code());
        assertTrue(g.err().contains("nothing to sweep"), g.err());
    }

    @Test
    void checkBindsEveryPointAndTheMetricOfASweep() throws IOException {
        CliRunner.Outcome ok = run("check", scenario(SCENARIO).toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("sweep of 6 points, metric threads.app/sleeper.return_delay.p50_ms"), ok.out());

        Path unknownPath = scenario(SCENARIO.replace("machine.cores: [1, 2]", "machine.corez: [1, 2]"));
        CliRunner.Outcome a = run("check", unknownPath.toString());
        assertEquals(2, a.code());
        assertTrue(a.err().startsWith(unknownPath + ":15:21: machine.corez: unknown field 'corez'"), a.err());

        Path badValue = scenario(SCENARIO.replace("[500us, 1ms, 5ms]", "[500us, 1qs]"));
        CliRunner.Outcome b = run("check", badValue.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().startsWith(badValue + ":14:37: python.switch_interval: '1qs' is not a duration"), b.err());

        Path badMetric = scenario(SCENARIO.replace("return_delay.p50_ms", "return_delay.p51_ms"));
        CliRunner.Outcome c = run("check", badMetric.toString());
        assertEquals(2, c.code());
        assertTrue(c.err().startsWith(badMetric + ":17:11: sweep.metric: no run reports "
                + "'threads.app/sleeper.return_delay.p51_ms' (did you mean 'threads.app/sleeper.return_delay.p50_ms'?)"),
                c.err());
    }

    @Test
    void sweepHtmlShowsTheChartAndEachPointsMeanAndIntervalInFixedPoint() throws IOException {
        CliRunner.Outcome o = run("sweep", scenario(SCENARIO).toString(), "--out", dir.resolve("html").toString(),
                "--jobs", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("; open " + sweep("html").resolve("sweep.html")), o.out());
        String html = Files.readString(sweep("html").resolve("sweep.html"));
        assertTrue(html.contains("<h1>tiny-sweep: sweep</h1>"), html);
        assertTrue(html.contains("<img src=\"sweep-threads.app_sleeper.return_delay.p50_ms.png\""), html);
        assertTrue(html.contains("<th>python.switch_interval</th><th>machine.cores</th><th>variant</th><th>mean</th>"),
                html);
        // Six points, one variant each; no number in exponent notation.
        assertEquals(6, html.split("<td class=\"text\">base</td>", -1).length - 1);
        assertTrue(!html.matches("(?s).*\\de[+-]\\d.*"), "exponent notation");
    }

    @Test
    void metricGivenTwiceChartsBothInSweepHtmlAndAMisspeltOneStopsTheSweepBeforeItRuns() throws IOException {
        Path f = scenario(SCENARIO);
        CliRunner.Outcome o = run("sweep", f.toString(), "--out", dir.resolve("two").toString(), "--jobs", "2",
                "--metric", "threads.app/sleeper.return_delay.p50_ms", "--metric", "threads.app/spinner.held_fraction");
        assertEquals(0, o.code(), o.err());
        String html = Files.readString(sweep("two").resolve("sweep.html"));
        assertTrue(html.contains("<h2>threads.app/sleeper.return_delay.p50_ms</h2>"), html);
        assertTrue(html.contains("<h2>threads.app/spinner.held_fraction</h2>"), html);
        assertTrue(Files.exists(sweep("two").resolve("sweep-threads.app_spinner.held_fraction.png")));

        CliRunner.Outcome bad = run("sweep", f.toString(), "--out", dir.resolve("bad").toString(),
                "--metric", "threads.app/sleeper.return_delay.p50_ms", "--metric", "threads.app/spinner.helt_fraction");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("no run reports 'threads.app/spinner.helt_fraction' (did you mean 'threads.app/spinner.held_fraction'?)"),
                bad.err());
        assertTrue(Files.notExists(sweep("bad").resolve("points")), "nothing ran");
    }
}
