package dev.gilsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.metrics.Timeline;
import dev.gilsim.results.PercentileTable;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Chart models, never pixels: series, axes and data points. */
class ChartModelsTest {
    private static final String KEY = "return_delay:app/sleeper";
    private static RunData run;

    @BeforeAll
    static void simulate() {
        run = TestRuns.run();
    }

    @Test
    void percentileAxisLabelsDecadesOfOneOverOneMinusP() {
        // x = log10(1/(1-p)): p = 0 at 0, 90% at 1, 99% at 2, 99.9% at 3, 99.99% at 4.
        assertEquals("0%", PercentileChart.label(0));
        assertEquals("90%", PercentileChart.label(1));
        assertEquals("99%", PercentileChart.label(2));
        assertEquals("99.9%", PercentileChart.label(3));
        assertEquals("99.99%", PercentileChart.label(4));
        assertEquals("", PercentileChart.label(2.5));
        assertEquals(1.0, PercentileChart.x(0.9), 1e-12);
        assertEquals(3.0, PercentileChart.x(0.999), 1e-9);
    }

    @Test
    void percentileChartHasALinePerVariantThroughThePercentileTable() {
        XYChart chart = PercentileChart.of(run, KEY);
        assertEquals(List.of("5ms", "1ms"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("percentile", chart.getXAxisTitle());
        assertEquals("milliseconds", chart.getYAxisTitle());
        assertTrue(chart.getStyler().getXAxisMax() >= PercentileChart.MIN_X_MAX);
        VariantData first = run.variants().get(0);
        List<PercentileTable.Row> rows = PercentileTable.rows(RunData.latency(first, KEY).get().recorder().histogram());
        XYSeries s = chart.getSeriesMap().get("5ms");
        assertEquals(rows.size() - 1, s.getXData().length, "every row but the infinite last one");
        for (int i = 0; i < s.getXData().length; i++) {
            assertEquals(PercentileChart.x(rows.get(i).fraction()), s.getXData()[i], 1e-12);
            assertEquals(rows.get(i).valueNanos() / 1e6, s.getYData()[i], 1e-12);
        }
        // The sleeper overshoots by about one switch interval: 5 ms here, 1 ms in the other variant.
        double median5 = RunData.latency(first, KEY).get().recorder().summary().p50Ms();
        double median1 = RunData.latency(run.variants().get(1), KEY).get().recorder().summary().p50Ms();
        assertTrue(median5 > 4.5 && median5 < 6, "p50 " + median5);
        assertTrue(median1 < 2, "p50 " + median1);
    }

    /**
     * A labelled step is one span however its states change (running, waiting, running again);
     * an unlabelled step or another label ends it. Only a span wide enough for its text is named.
     */
    @Test
    void timelineNamesEachLabelledStepOnceAcrossItsStates() {
        long ms = 1_000_000L;
        var hold = dev.gilsim.interpreter.ThreadState.HOLDING;
        var wait = dev.gilsim.interpreter.ThreadState.GIL_WAIT;
        List<Timeline.Segment> segments = List.of(new Timeline.Segment(0, hold, 0, 30 * ms, "parse JSON"),
                new Timeline.Segment(0, wait, 30 * ms, 60 * ms, "parse JSON"),
                new Timeline.Segment(0, hold, 60 * ms, 70 * ms, "parse JSON"),
                new Timeline.Segment(0, hold, 70 * ms, 71 * ms, "pow"),
                new Timeline.Segment(0, hold, 71 * ms, 100 * ms, null));
        Timeline t = new Timeline(0, 100 * ms, false, List.of(new Timeline.Lane("app", "worker")), segments, List.of());
        assertEquals(List.of(new TimelineChart.LabelSpan(0, "parse JSON", 0, 70), new TimelineChart.LabelSpan(0, "pow",
                70, 71)), TimelineChart.labelSpans(t));
        // At 0.1 ms a pixel: "parse JSON" has 700 pixels for its 10 characters; "pow" 10 for 3.
        assertEquals(List.of(new TimelineChart.LabelSpan(0, "parse JSON", 0, 70)), TimelineChart.namedSpans(t, 0.1));
    }

    @Test
    void timelineLeavesOutIdleThreadsAndDrawsOnlyTheFortyBusiestOfTheRest() {
        // 50 working threads (lane k holds the GIL for k+1 ms of a 100 ms window and waits for it the
        // rest), then 5 that only waited to be woken; lane 49 asks lane 48 to drop, lane 3 drops.
        List<Timeline.Lane> lanes = new java.util.ArrayList<>();
        List<Timeline.Segment> segments = new java.util.ArrayList<>();
        long ms = 1_000_000L;
        for (int k = 0; k < 55; k++) {
            lanes.add(new Timeline.Lane("app", "t" + k));
            if (k < 50) {
                segments.add(new Timeline.Segment(k, dev.gilsim.interpreter.ThreadState.HOLDING, 0, (k + 1) * ms));
                segments.add(new Timeline.Segment(k, dev.gilsim.interpreter.ThreadState.GIL_WAIT, (k + 1) * ms, 100 * ms));
            } else {
                segments.add(new Timeline.Segment(k, dev.gilsim.interpreter.ThreadState.BLOCKED, 0, 100 * ms));
            }
        }
        List<Timeline.Mark> marks = List.of(new Timeline.Mark(Timeline.MarkKind.DROP_REQUEST, 49, 48, 5 * ms),
                new Timeline.Mark(Timeline.MarkKind.FORCED_DROP, 3, 3, 6 * ms));
        TimelineChart.Drawn d = TimelineChart.forDrawing(new Timeline(0, 100 * ms, false, lanes, segments, marks));
        assertEquals(5, d.idleLeftOut());
        assertEquals(10, d.quietLeftOut());
        assertEquals(TimelineChart.MAX_LANES, d.timeline().lanes().size());
        // The busiest 40 (most time holding the GIL; waiting for it does not count first) are lanes
        // 10 to 49, drawn in their order and renumbered from 0.
        assertEquals("t10", d.timeline().lanes().get(0).thread());
        assertEquals("t49", d.timeline().lanes().get(39).thread());
        // Lane 49's request to 48 is kept (now lanes 39 and 38); lane 3, left out, takes its drop along.
        assertEquals(List.of(new Timeline.Mark(Timeline.MarkKind.DROP_REQUEST, 39, 38, 5 * ms)), d.timeline().marks());
        assertEquals(2 * TimelineChart.MAX_LANES, d.timeline().segments().size());
    }

    @Test
    void timelineSegmentsAddUpToTheWindowForEachThread() {
        VariantData v = run.variants().get(0);
        Timeline t = v.timeline();
        XYChart chart = TimelineChart.of(v);
        double[] drawn = new double[t.lanes().size()];
        for (TimelineChart.Category c : TimelineChart.Category.values()) {
            XYSeries s = chart.getSeriesMap().get(c.label());
            if (s == null) {
                continue;
            }
            for (double[] seg : TimelineChart.segments(s)) {
                int lane = (int) Math.round(t.lanes().size() - 1 - seg[2]);
                drawn[lane] += seg[1] - seg[0];
            }
        }
        for (double ms : drawn) {
            assertEquals(t.length() / 1e6, ms, 1e-6);
        }
        assertEquals(100.0, t.start() / 1e6, 1e-9, "default window: from the end of the warm-up");
        assertEquals(300.0, t.end() / 1e6, 1e-9, "200 ms long");
        assertTrue(chart.getSeriesMap().containsKey(TimelineChart.DROP_REQUESTS));
        assertTrue(chart.getSeriesMap().containsKey(TimelineChart.FORCED_DROPS));
        assertEquals("virtual time (ms)", chart.getXAxisTitle());
    }

    @Test
    void gilShareBarsAreStackedAndEachAddsUpToTheWholeWindow() {
        CategoryChart chart = GilShareChart.of(run, run.variants().get(0));
        assertTrue(chart.getStyler().isStacked());
        List<String> parts = List.of("holding the GIL", "waiting for the GIL", "in I/O or sleep",
                "native call, GIL released", "blocked", "idle (not started or done)");
        assertEquals(parts, List.copyOf(chart.getSeriesMap().keySet()));
        int bars = chart.getSeriesMap().get(parts.get(0)).getXData().size();
        assertEquals(2, bars, "the variant's two threads: one chart per variant");
        assertEquals(2, ChartKind.GIL_SHARE.build(run).size(), "small multiples: one chart per variant");
        for (int bar = 0; bar < bars; bar++) {
            double total = 0;
            for (CategorySeries s : chart.getSeriesMap().values()) {
                total += ((List<?>) s.getYData()).stream().skip(bar).map(n -> ((Number) n).doubleValue()).findFirst().get();
            }
            assertEquals(100.0, total, 1e-6);
        }
    }

    @Test
    void comparisonHasP50P99AndMaxPerVariant() {
        CategoryChart chart = ComparisonChart.of(run, KEY);
        assertEquals(ComparisonChart.SERIES, List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(List.of("5ms", "1ms"), List.copyOf(chart.getSeriesMap().get("p50").getXData()));
    }

    @Test
    void seriesChartDrawsSamplesOverTimeAndSkipsAMissingSeries() {
        XYChart chart = SeriesChart.of(run, KEY);
        assertEquals("return delay (ms)", chart.getYAxisTitle());
        assertEquals("virtual time (s)", chart.getXAxisTitle());
        double[] x = chart.getSeriesMap().get("5ms").getXData();
        assertTrue(x[0] >= 0.1 && x[x.length - 1] <= 1.0, "samples lie in the measured window");
        assertTrue(SeriesChart.of(run, "loop_lag:app").getSeriesMap().isEmpty(), "nothing to draw");
    }

    @Test
    void cdfEndsAtEveryCountedSample() {
        XYChart chart = DistributionCharts.cdf(run, KEY);
        double[] y = chart.getSeriesMap().get("1ms").getYData();
        assertEquals(100.0, y[y.length - 1], 1e-9);
        XYChart histogram = DistributionCharts.histogram(run, KEY);
        double[] shares = histogram.getSeriesMap().get("1ms").getYData();
        double total = 0;
        for (int i = 0; i < shares.length; i += 2) {
            total += shares[i];
        }
        assertEquals(100.0, total, 1e-6);
    }

    /**
     * The histogram's bins are 1, 2 or 5 times a power of ten wide, at most {@value
     * DistributionCharts#BINS} of them, so every bin edge (where XChart puts the ticks) is a round
     * number of milliseconds.
     */
    @Test
    void histogramBinsAreRoundSoTheirEdgesAre() {
        assertEquals(100_000, DistributionCharts.roundBinWidth(5_459_967 / 60.0));
        assertEquals(2_000_000, DistributionCharts.roundBinWidth(125_000_000 / (double) DistributionCharts.BINS));
        assertEquals(200, DistributionCharts.roundBinWidth(101));
        assertEquals(5_000, DistributionCharts.roundBinWidth(2_001));
        assertEquals(1_000_000, DistributionCharts.roundBinWidth(500_001));
        assertEquals(1, DistributionCharts.roundBinWidth(0));

        double[] x = DistributionCharts.histogram(run, KEY).getSeriesMap().get("1ms").getXData();
        assertTrue(x.length <= 2 * DistributionCharts.BINS, "at most " + DistributionCharts.BINS + " bins: " + x.length);
        double width = x[1] - x[0];
        double power = Math.pow(10, Math.floor(Math.log10(width)));
        double mantissa = Math.round(width / power * 1e6) / 1e6;
        assertTrue(mantissa == 1 || mantissa == 2 || mantissa == 5, "bin width " + width + " ms");
        for (double edge : x) {
            assertEquals(Math.round(edge / width) * width, edge, width * 1e-9, "edge " + edge);
        }
    }

    @Test
    void everyChartRendersHeadlessInBothFormatsWithUniqueFileNames() throws IOException {
        List<NamedChart> charts = ChartKind.all(run);
        Set<String> files = new HashSet<>();
        for (NamedChart c : charts) {
            assertTrue(files.add(c.file()), "duplicate " + c.file());
            for (ChartFormat f : ChartFormat.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                f.write(c.chart(), out);
                assertFalse(out.size() == 0, c.file() + " rendered nothing");
            }
        }
        assertTrue(files.contains("percentiles-return_delay-app-sleeper"));
        assertTrue(files.contains("timeline-5ms"));
        assertTrue(files.contains("gil-share-5ms"));
    }

    @Test
    void svgIsText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartFormat.SVG.write(GilShareChart.of(run, run.variants().get(0)), out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("<svg"));
    }

    @Test
    void serversChartTheirHeadlineFiguresAndNeverMoreThanTwelveKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of("loop_lag:api-0", "latency:api/ping", "return_delay:a/t"));
        assertEquals(List.of("loop_lag:api-0", "latency:api/ping"), RunData.headline(keys));
        List<String> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            threads.add("gil_wait:app/t" + i);
        }
        assertEquals(12, RunData.headline(threads).size());
        assertEquals("gil_wait:app/t0", RunData.headline(threads).get(0));
    }

    @Test
    void aFreeThreadedBuildsChartsNameWhatThreadsDoAndDrawNoGilWait() {
        String yaml = TestRuns.YAML.replace("name: tiny", "name: tiny\npython: {version: \"3.13\", build: free-threaded}");
        List<dev.gilsim.run.RunResult> results = new java.util.ArrayList<>();
        for (var s : new dev.gilsim.scenario.ScenarioLoader().load("ft.yaml", yaml, List.of()).variants()) {
            results.add(dev.gilsim.run.Simulation.run(s.brief()));
        }
        RunData ft = RunData.of(results);
        VariantData v = ft.variants().get(0);
        assertTrue(GilShareChart.freeThreaded(v));
        CategoryChart share = GilShareChart.of(ft, v);
        assertTrue(share.getSeriesMap().containsKey("running Python (or waiting for a core)"), share.getSeriesMap().keySet().toString());
        assertFalse(share.getSeriesMap().containsKey("waiting for the GIL"));
        assertTrue(TimelineChart.of(v).getTitle().startsWith("Thread timeline (free-threaded: no GIL)"));
        assertFalse(GilShareChart.freeThreaded(run.variants().get(0)), "the GIL build");
    }
}
