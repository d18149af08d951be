package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench --end-to-end times whole processes of a launcher: here a stand-in script whose run takes
 * 0.3 s and whose check takes 0.05 s, and which logs how it was called.
 */
class EndToEndBenchTest {
    @TempDir
    Path dir;

    private Path launcher(String body) throws IOException {
        Path script = dir.resolve("gilsim");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/calls.log\"\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void runAndCheckAlternateAfterAnUntimedPairAndTheirRatioIsPrinted() throws IOException {
        Path script = launcher("case \"$1\" in run) sleep 0.3;; check) sleep 0.05;; esac\n");
        CliRunner.Outcome o = CliRunner.run("bench", "--end-to-end", "scenarios/two-cpu-threads.yaml",
                "--launcher", script.toString(), "--repeat", "2", "--set", "duration=1s", "--seed", "7");
        assertEquals(0, o.code(), o.err());
        List<String> calls = Files.readAllLines(dir.resolve("calls.log"));
        assertEquals(6, calls.size(), calls.toString());
        for (int i = 0; i < calls.size(); i++) {
            String expected = (i % 2 == 0 ? "run" : "check") + " scenarios/two-cpu-threads.yaml --set duration=1s --seed 7";
            assertTrue(calls.get(i).startsWith(expected), calls.get(i));
            assertEquals(i % 2 == 0, calls.get(i).contains(" --out "), calls.get(i));
        }
        Matcher m = Pattern.compile("scenarios/two-cpu-threads.yaml\\s+(\\S+) \\[.*\\]\\s+(\\S+) \\[.*\\]\\s+(\\S+)")
                .matcher(o.out());
        assertTrue(m.find(), o.out());
        double ratio = Double.parseDouble(m.group(3));
        assertTrue(Double.parseDouble(m.group(1)) >= 0.3 && ratio > 1.5, o.out());
    }

    @Test
    void aFailingRunIsReportedWithItsLastLine() throws IOException {
        Path script = launcher("echo 'gilsim: out of coffee' >&2\nexit 2\n");
        CliRunner.Outcome o = CliRunner.run("bench", "--end-to-end", "scenarios/two-cpu-threads.yaml",
                "--launcher", script.toString(), "--repeat", "1");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("failed (exit 2): gilsim: out of coffee"), o.err());
    }

    @Test
    void badUseIsRefusedBeforeAnyProcessStarts() throws IOException {
        Path script = launcher("exit 0\n");
        assertEquals(2, CliRunner.run("bench", "--end-to-end", "--launcher", script.toString()).code());
        assertEquals(2, CliRunner.run("bench", "--end-to-end", "scenarios/two-cpu-threads.yaml", "--launcher",
                dir.resolve("nowhere").toString()).code());
        assertEquals(2, CliRunner.run("bench", "scenarios/two-cpu-threads.yaml", "--launcher", script.toString()).code());
        CliRunner.Outcome bad = CliRunner.run("bench", "--end-to-end", "scenarios/two-cpu-threads.yaml",
                "--launcher", script.toString(), "--set", "python.switch_interval=-1ms");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(Files.notExists(dir.resolve("calls.log")), "no process started");
    }
}
