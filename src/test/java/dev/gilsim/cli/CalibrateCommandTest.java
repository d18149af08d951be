package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    /**
     * The AMD host's stored measurements give its profile (G11's shares, C12's syscalls), and the
     * profile says, in its header, how much better than defaults.yaml it fits them.
     */
    @Test
    void aProfileFittedOnTheAmdHostSaysWhatItGainsOverTheDefaults(@TempDir Path dir) throws IOException {
        Path profile = dir.resolve("amd.yaml");
        CliRunner.Outcome run = CliRunner.run("calibrate", "--data", "probes/data/linux-kvm-2core-amd", "--version",
                "3.12.1", "--out", profile.toString());
        assertEquals(0, run.code(), run.err());
        String text = Files.readString(profile);
        assertTrue(text.contains("  requester_wins: 0.8\n"), text);
        assertTrue(text.contains("  syscall_scale: 2.9\n"), text);
        Matcher m = Pattern.compile("(\\d+)% are in band with this profile .*\\n# and (\\d+)% with defaults.yaml")
                .matcher(text);
        assertTrue(m.find(), text);
        assertTrue(Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2)) + 10, m.group());
        assertTrue(run.out().contains("wrote " + profile), run.out());
    }

    /** --score-on names versions the data holds; another is refused before anything is fitted. */
    @Test
    void scoringOnAVersionTheDataLacksIsRefusedNamingThoseItHas(@TempDir Path dir) {
        Path profile = dir.resolve("p.yaml");
        CliRunner.Outcome run = CliRunner.run("calibrate", "--data", "probes/data/linux-kvm-2core-amd", "--version",
                "3.12.1", "--score-on", "3.12.1,3.9.0", "--out", profile.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--score-on: no measurements of CPython 3.9.0 in probes/data/linux-kvm-2core-amd; "
                + "it has 3.8.18, 3.10.13, 3.11.7, 3.12.1, 3.13.0 (or give all)"), run.err());
        assertTrue(Files.notExists(profile));
    }

    /** With --python there is one version to score on: naming others is refused before measuring. */
    @Test
    void scoringOnNamedVersionsWithPythonIsRefusedBeforeMeasuring(@TempDir Path dir) {
        CliRunner.Outcome run = CliRunner.run("calibrate", "--python", "/nonexistent/python3", "--score-on", "3.12.1",
                "--out", dir.resolve("p.yaml").toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--score-on names versions in --data; with --python only the version measured now"),
                run.err());
    }

    /** Its own --version (of the measured CPython) must not take --help's place. */
    @Test
    void helpShowsTheUsage() {
        CliRunner.Outcome run = CliRunner.run("calibrate", "--help");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Usage: gilsim calibrate"), run.out());
    }
}
