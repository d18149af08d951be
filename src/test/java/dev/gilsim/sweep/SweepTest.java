package dev.gilsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.scenario.ScenarioLoader;
import dev.gilsim.scenario.SweepPlan;
import dev.gilsim.scenario.SweepPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SweepTest {
    /** A sweep small enough to run in tests; output's tests sweep it too. */
    public static final String SCENARIO = """
            name: tiny-sweep
            duration: 200ms
            warmup: 20ms
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
                python.switch_interval: [1ms, 5ms]
                machine.cores: [1, 2, 4]
              replications: 2
              metric: threads.app/sleeper.return_delay.p50_ms
            """;

    @TempDir
    Path dir;

    private SweepPlan plan(String text, List<String> sets, List<String> grid) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return new ScenarioLoader().loadSweep(f, sets, grid);
    }

    @Test
    void gridExpandsToEveryCombinationWithTheFirstDimensionSlowest() throws Exception {
        SweepPlan p = plan(SCENARIO, List.of(), List.of());
        assertEquals(List.of("python.switch_interval", "machine.cores"), p.dimensions());
        assertEquals(List.of(List.of("1ms", "1"), List.of("1ms", "2"), List.of("1ms", "4"), List.of("5ms", "1"),
                List.of("5ms", "2"), List.of("5ms", "4")), p.points().stream().map(SweepPoint::values).toList());
        assertEquals(4, p.points().get(5).file().first().machine().cores());
        assertEquals(5_000_000, p.points().get(5).file().first().python().switchIntervalNanos());
        assertEquals("python.switch_interval", p.x());
        assertEquals("machine.cores", p.series());
    }

    @Test
    void commandLineValuesAddADimension() throws Exception {
        SweepPlan p = plan(SCENARIO, List.of("duration=100ms"), List.of("python.version=3.9,3.13"));
        assertEquals(12, p.points().size());
        assertEquals("3.13", p.points().get(11).values().get(2));
        assertEquals(100_000_000, p.points().get(0).file().first().durationNanos());
    }

    @Test
    void explicitPointsRunAsListed() throws Exception {
        String text = SCENARIO.substring(0, SCENARIO.indexOf("sweep:")) + """
                sweep:
                  points:
                    - {python.switch_interval: 1ms, machine.cores: 1}
                    - {python.switch_interval: 20ms}
                """;
        SweepPlan p = plan(text, List.of(), List.of());
        assertEquals(2, p.points().size());
        assertEquals(List.of("20ms", ""), p.points().get(1).values());
        assertEquals(2, p.points().get(1).file().first().machine().cores(), "unset fields keep the scenario's value");
    }

    @Test
    void replicationKUsesTheSameSeedAtEveryPoint() {
        assertEquals(7, SweepRunner.replicationSeed(7, 0), "replication 0 equals a plain run");
        assertEquals(RandomStreams.deriveSeed(7, "replication:3"), SweepRunner.replicationSeed(7, 3));
        assertNotEquals(SweepRunner.replicationSeed(7, 1), SweepRunner.replicationSeed(7, 2));
    }

    /**
     * Values 1, 2, 3, 4: mean 2.5, sample sd sqrt(5/3) = 1.290994, t(0.975, 3 df) = 3.182446,
     * half-width 3.182446 * 1.290994 / 2 = 2.054260, so the interval is [0.445740, 4.554260].
     */
    @Test
    void confidenceIntervalIsStudentTOverReplications() {
        Interval ci = Interval.of(List.of(1.0, 2.0, 3.0, 4.0));
        assertEquals(4, ci.n());
        assertEquals(2.5, ci.mean(), 1e-12);
        assertEquals(1.290994, ci.sd(), 1e-6);
        assertEquals(0.445740, ci.low(), 1e-6);
        assertEquals(4.554260, ci.high(), 1e-6);
        assertTrue(Double.isNaN(Interval.of(List.of(3.0)).low()), "one replication has no interval");
    }

    @Test
    void metricsAreTheRegistrysNamesWithSubjectsNamedByProcessAndName() throws Exception {
        SweepPlan p = plan(SCENARIO, List.of(), List.of());
        PointResult r = SweepRunner.runPoint(p, p.points().get(0));
        var metrics = r.replications().get(0).variants().get("base");
        assertTrue(metrics.containsKey("threads.app/sleeper.return_delay.p50_ms"), metrics.keySet().toString());
        assertTrue(metrics.containsKey("processes.app.switches"));
        assertTrue(metrics.containsKey("core_utilisation"));
        assertTrue(!metrics.containsKey("seed"), "the seed is a parameter, not a metric");
    }

    /** Pool threads start lazily, so replications can differ in which threads (metrics) they report. */
    @Test
    void metricsMissingFromSomeReplicationsAverageOverThoseThatHaveThem() {
        var a = new PointResult.Replication(0, 1, java.util.Map.of("base", java.util.Map.of("x", 1.0)));
        var b = new PointResult.Replication(1, 2, java.util.Map.of("base", java.util.Map.of("x", 3.0, "y", 5.0)));
        PointResult r = new PointResult(0, List.of("1ms"), List.of(a, b));
        assertEquals(List.of("x", "y"), r.metrics("base"));
        assertEquals(List.of(5.0), r.values("base", "y"));
        assertEquals(2.0, Interval.of(r.values("base", "x")).mean(), 1e-12);
    }
}
