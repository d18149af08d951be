package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep resumes only from points simulated with the same file and the same defaults. */
class SweepFingerprintTest {
    @TempDir
    Path dir;

    private Path sweep() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                name: s
                processes:
                  - name: app
                    threads: [{name: t, repeat: forever, steps: [{cpu: 1ms}, {sleep: 1ms}]}]
                sweep:
                  grid: {python.switch_interval: [1ms, 5ms]}
                  metric: threads.app/t.iterations_per_s
                """);
        return f;
    }

    @Test
    void theSameFileAndDefaultsGiveTheSameFingerprint() throws Exception {
        Path f = sweep();
        assertEquals(new ScenarioLoader().loadSweep(f, List.of(), List.of()).fingerprint(),
                new ScenarioLoader().loadSweep(f, List.of(), List.of()).fingerprint());
    }

    @Test
    void aMachineProfileChangesTheFingerprintSoOldPointsAreNotReused() throws Exception {
        Path f = sweep();
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, "machine:\n  timer_slack: 1us\n");
        assertNotEquals(new ScenarioLoader().loadSweep(f, List.of(), List.of()).fingerprint(),
                new ScenarioLoader(Defaults.withProfile(profile)).loadSweep(f, List.of(), List.of()).fingerprint());
    }
}
