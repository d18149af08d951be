package dev.gilsim.cli;

import dev.gilsim.output.RunFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: a run's folder is checked before simulating, and written whole or not at all. */
class OutFolderTest {
    private static final String SCENARIO = """
            name: tiny
            duration: 200ms
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
    /** Minutes of simulating: a test that finishes in seconds did not simulate it. */
    private static final String LONG = SCENARIO.replace("duration: 200ms", "duration: 3600s");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeSimulatingAndNothingIsWritten() throws IOException {
        Path f = write("long.yaml", LONG);
        Path out = write("out", "not a folder");
        List<String> before = tree(dir);
        for (List<String> command : List.of(List.of("run", f.toString()),
                List.of("sweep", f.toString(), "--set", "seed=1,2", "--replications", "1"))) {
            long start = System.nanoTime();
            CliRunner.Outcome o = CliRunner.run(Stream.concat(command.stream(), Stream.of("--out", out.toString()))
                    .toArray(String[]::new));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(2, o.code(), command + ": " + o.err());
            assertEquals("gilsim: --out " + out + ": is a file, not a folder (nothing was run)", o.err().strip());
            assertTrue(seconds < 10, command + " took " + seconds + " s: it simulated first");
            assertEquals(before, tree(dir));
            assertEquals("not a folder", Files.readString(out));
        }
    }

    @Test
    void aReadOnlyOutIsRefusedBeforeSimulating() throws IOException {
        Path f = write("long.yaml", LONG);
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // As root, chmod does not stop writes (and isWritable says so): nothing to refuse then.
            assumeFalse(Files.isWritable(out), "running as root: a read-only folder is writable anyway");
            long start = System.nanoTime();
            CliRunner.Outcome o = CliRunner.run("run", f.toString(), "--out", out.toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().startsWith("gilsim: --out " + out + ": permission denied"), o.err());
            assertTrue(System.nanoTime() - start < 10e9, "it simulated first");
            assertEquals(List.of(""), tree(out));
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anSvgRunLeavesNoPngOfTheRunBefore() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        Path out = dir.resolve("out");
        assertEquals(0, CliRunner.run("run", f.toString(), "--out", out.toString()).code());
        assertTrue(tree(out).stream().anyMatch(p -> p.endsWith(".png")), "the PNG run drew charts");
        CliRunner.Outcome o = CliRunner.run("run", f.toString(), "--out", out.toString(), "--format", "svg");
        assertEquals(0, o.code(), o.err());
        List<String> after = tree(out);
        assertTrue(after.stream().anyMatch(p -> p.endsWith(".svg")), after.toString());
        assertFalse(after.stream().anyMatch(p -> p.endsWith(".png")), after.toString());
    }

    @Test
    void aFolderLeftByAKilledRunIsRemovedByTheNextRun() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        Path out = dir.resolve("out");
        Path leftover = out.resolve(".tiny~new-12345");
        Files.createDirectories(leftover.resolve("charts"));
        Files.writeString(leftover.resolve("summary.json"), "{half");
        Path otherScenarios = Files.createDirectories(out.resolve(".tiny2~new-12345"));
        CliRunner.Outcome o = CliRunner.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(otherScenarios), "another scenario's folder may be another run's, still writing");
        assertTrue(Files.isRegularFile(out.resolve("tiny/report.html")));
    }

    @Test
    void aSecondRunIntoALockedFolderIsRefusedAndLeavesTheFolderAlone() throws IOException {
        Path f = write("tiny.yaml", SCENARIO);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("tiny"));
        Files.writeString(out.resolve("tiny/summary.json"), "the first run's");
        try (FileChannel channel = FileChannel.open(out.resolve(".tiny.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            CliRunner.Outcome o = CliRunner.run("run", f.toString(), "--out", out.toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains(out.resolve("tiny") + ": another gilsim run is writing this folder"), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
        assertEquals("the first run's", Files.readString(out.resolve("tiny/summary.json")));
        assertEquals(0, CliRunner.run("run", f.toString(), "--out", out.toString()).code(), "the lock is released");
    }

    @Test
    void twoFilesNamingTheSameScenarioAreRefusedBeforeAnythingRuns() throws IOException {
        Path a = write("a.yaml", SCENARIO);
        Path b = write("b.yaml", SCENARIO.replace("duration: 200ms", "duration: 100ms"));
        Path out = dir.resolve("out");
        CliRunner.Outcome o = CliRunner.run("run", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals("gilsim: " + a + " and " + b + " both name their scenario 'tiny', so one would overwrite "
                + "the other's results: rename one", o.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void maxWallStopsALongRunBetweenSlicesAndWritesNothingForIt() throws IOException {
        // A day of virtual time: over a minute of simulating, so the 1 s limit always stops it.
        Path f = write("long.yaml", SCENARIO.replace("duration: 200ms", "duration: 24h"));
        Path out = dir.resolve("out");
        long start = System.nanoTime();
        CliRunner.Outcome o = CliRunner.run("run", f.toString(), "--max-wall", "1s", "--progress", "never",
                "--out", out.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().startsWith("gilsim: stopped by --max-wall 1s in variant 'base', "), o.err());
        assertTrue(o.err().strip().endsWith("nothing was written for tiny"), o.err());
        assertTrue(seconds < 30, "took " + seconds + " s");
        // The lock file stays by design (RunFolder); no result, no staging folder.
        assertEquals(List.of("", ".tiny.lock"), tree(out));
    }
}
