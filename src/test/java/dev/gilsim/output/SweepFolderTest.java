package dev.gilsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.chart.SweepChart;
import dev.gilsim.scenario.ScenarioLoader;
import dev.gilsim.scenario.SweepPlan;
import dev.gilsim.sweep.PointResult;
import dev.gilsim.sweep.SweepInfo;
import dev.gilsim.sweep.SweepRunner;
import dev.gilsim.sweep.SweepTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's files: its chart. */
class SweepFolderTest {
    @TempDir
    Path dir;

    private SweepPlan plan(String text) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return new ScenarioLoader().loadSweep(f, List.of(), List.of());
    }

    /** The chart: one line per other-dimension value, x parsed as milliseconds, log x across decades. */
    @Test
    void chartHasOneLinePerSeriesValueWithMillisecondsOnX() throws Exception {
        SweepPlan p = plan(SweepTest.SCENARIO.replace("[1ms, 5ms]", "[100us, 1ms, 50ms]"));
        List<PointResult> results = p.points().stream().map(pt -> SweepRunner.runPoint(p, pt)).toList();
        var spec = SweepOutputs.chart(SweepInfo.of(p), results);
        assertEquals(List.of("cores=1", "cores=2", "cores=4"), spec.lines().stream().map(l -> l.name()).toList());
        assertEquals(List.of(0.1, 1.0, 50.0), java.util.Arrays.stream(spec.lines().get(0).x()).boxed().toList());
        assertTrue(spec.logX());
        assertEquals("python.switch_interval (ms)", spec.xTitle());
        var chart = SweepChart.build(spec);
        var shown = chart.getSeriesMap().values().stream().filter(x -> x.isShowInLegend()).map(x -> x.getName()).toList();
        assertEquals(List.of("cores=1", "cores=2", "cores=4"), shown);
        for (var line : spec.lines()) {
            boolean hasInterval = java.util.Arrays.stream(line.halfWidth()).anyMatch(h -> h > 0);
            assertEquals(hasInterval, chart.getSeriesMap().containsKey(line.name() + " (95% CI low)"), line.name());
        }
    }
}
