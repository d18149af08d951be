package dev.gilsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep resumes only from points simulated with the same content and the same defaults. */
class SweepFingerprintTest {
    @TempDir
    Path dir;

    private static final String TEXT = """
                name: s
                processes:
                  - name: app
                    threads: [{name: t, repeat: forever, steps: [{cpu: 1ms}, {sleep: 1ms}]}]
                sweep:
                  grid: {python.switch_interval: [1ms, 5ms]}
                  metric: threads.app/t.iterations_per_s
                """;

    private Path sweep() throws Exception {
        return file("s.yaml", TEXT);
    }

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static String fingerprint(Path f) {
        return new ScenarioLoader().loadSweep(f, List.of(), List.of()).fingerprint();
    }

    @Test
    void commentsLayoutTitleAndTheChartedMetricKeepTheFingerprintSoSavedPointsAreReused() throws Exception {
        String before = fingerprint(sweep());
        String edited = "# a comment\ntitle: A sweep\n" + TEXT.replace("metric: threads.app/t.iterations_per_s",
                "metric: threads.app/t.return_delay.p99_ms\n  x: python.switch_interval   # the x axis");
        assertEquals(before, fingerprint(file("edited.yaml", edited)));
    }

    @Test
    void aChangedValueOrGridChangesTheFingerprint() throws Exception {
        String before = fingerprint(sweep());
        assertNotEquals(before, fingerprint(file("a.yaml", TEXT.replace("{cpu: 1ms}", "{cpu: 2ms}"))));
        assertNotEquals(before, fingerprint(file("b.yaml", TEXT.replace("[1ms, 5ms]", "[1ms, 5ms, 20ms]"))));
        assertNotEquals(before, fingerprint(file("c.yaml", TEXT.replace("name: t,", "name: u,")
                .replace("app/t.", "app/u."))));
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
