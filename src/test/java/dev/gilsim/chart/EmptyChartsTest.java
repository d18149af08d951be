package dev.gilsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.chart.SweepChart.Line;
import dev.gilsim.output.OutputFolder;
import dev.gilsim.results.RunData;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid input with nothing to draw: XChart throws on a series without data, so every chart
 * builder must leave such a chart without series, and the run must still write its report.
 */
class EmptyChartsTest {
    /** A process whose only threads were set to none, as with {@code --set ...count=0}. */
    private static final String NO_THREADS = """
            name: empty
            duration: 200ms
            warmup: 10ms
            processes:
              - name: app
                threads:
                  - name: worker
                    count: 0
                    steps: [{cpu: 1ms}]
            variants:
              - name: a
              - name: b
            """;

    private static RunData run(String yaml) {
        List<RunResult> out = new ArrayList<>();
        for (Scenario s : new ScenarioLoader().load("empty.yaml", yaml, List.of()).variants()) {
            out.add(Simulation.run(s));
        }
        return RunData.of(out);
    }

    @Test
    void aRunWithoutThreadsSaysTheGilShareChartHasNothingToShow() {
        RunData run = run(NO_THREADS);
        assertTrue(GilShareChart.of(run, run.variants().get(0)).getSeriesMap().isEmpty());
        NamedChart share = ChartKind.GIL_SHARE.build(run).get(0);
        assertFalse(share.drawn());
        assertEquals("variant a has no thread", share.notDrawnBecause());
        List<NamedChart> timelines = ChartKind.TIMELINE.build(run);
        assertEquals(2, timelines.size(), "one per variant, each saying why it is missing");
        assertTrue(timelines.stream().noneMatch(NamedChart::drawn));
    }

    @Test
    void aLatencyNoVariantRecordedLeavesEveryLatencyChartWithoutSeries() {
        // A run keeps only latencies with samples, but a saved run is read back as it was written.
        RunData run = TestRuns.run();
        String key = "loop_lag:nowhere";
        assertTrue(PercentileChart.of(run, key).getSeriesMap().isEmpty());
        assertTrue(DistributionCharts.histogram(run, key).getSeriesMap().isEmpty());
        assertTrue(DistributionCharts.cdf(run, key).getSeriesMap().isEmpty());
        assertTrue(ComparisonChart.of(run, key).getSeriesMap().isEmpty());
        assertTrue(SeriesChart.of(run, key).getSeriesMap().isEmpty());
    }

    @Test
    void everyChartOfARunWithoutThreadsIsDrawnOrSaysWhyNot() throws IOException {
        for (NamedChart c : ChartKind.all(run(NO_THREADS))) {
            if (!c.drawn()) {
                assertFalse(c.notDrawnBecause().isBlank(), c.file());
                continue;
            }
            for (ChartFormat f : ChartFormat.values()) {
                f.write(c.chart(), new ByteArrayOutputStream());
            }
        }
    }

    @Test
    void aRunWithoutThreadsStillWritesItsReportWhichSaysWhatIsMissing(@TempDir Path dir) throws IOException {
        OutputFolder.write(dir, run(NO_THREADS), ChartFormat.PNG);
        String html = Files.readString(dir.resolve(OutputFolder.REPORT));
        assertTrue(html.contains("Not drawn: a: where each thread's time went: variant a has no thread."), html);
        assertFalse(Files.exists(dir.resolve(OutputFolder.CHARTS).resolve("gil-share-a.png")));
    }

    @Test
    void aSweepLineWithoutPointsIsLeftOut() {
        var chart = SweepChart.build("s", "x", "y", false, List.of(
                new Line("empty", new double[0], new double[0], new double[0]),
                new Line("one", new double[] {1}, new double[] {2}, new double[] {0})));
        assertEquals(List.of("one"), List.copyOf(chart.getSeriesMap().keySet()));
    }
}
