package dev.gilsim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilsim.chart.ChartFormat;
import dev.gilsim.chart.TestRuns;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.report.SavedRun;
import dev.gilsim.report.TraceJson;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.RunData;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    private static final Provenance PROVENANCE = Provenance.of(List.of(), null, TestRuns.YAML);
    private static RunData run;

    @BeforeAll
    static void simulate() {
        run = TestRuns.run();
    }

    @Test
    void reportRefersOnlyToFilesThatExistAndLoadsNothingFromTheNetwork(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("summary.json"), "{}");
        OutputFolder.write(dir, run, ChartFormat.PNG);
        String html = Files.readString(dir.resolve(OutputFolder.REPORT));
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"").matcher(html);
        int refs = 0;
        while (m.find()) {
            assertTrue(Files.isRegularFile(dir.resolve(m.group(1))), "missing " + m.group(1));
            refs++;
        }
        assertTrue(refs > 10);
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"));
        assertTrue(html.contains("A sleeper beside a spinner") && html.contains("switch_interval"));
    }

    @Test
    void sameRunGivesByteIdenticalDataFiles(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        OutputFolder.write(a, TestRuns.results(), PROVENANCE, ChartFormat.PNG);
        OutputFolder.write(b, TestRuns.results(), PROVENANCE, ChartFormat.PNG);
        for (String f : List.of("summary.json", "percentiles.csv", "threads.csv", "trace.json", "report.html")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    /** summary.json is the run's one document: nothing else is written for gilsim chart. */
    @Test
    void aRunWritesNoChartDataJson(@TempDir Path dir) throws IOException {
        OutputFolder.write(dir, TestRuns.results(), PROVENANCE, ChartFormat.PNG);
        assertFalse(Files.exists(dir.resolve("chart-data.json")));
        JsonNode variant = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).path("variants").get(0);
        assertTrue(variant.path("chart_data").path("latencies").size() > 0, variant.toString());
        assertTrue(variant.path("parameters").size() > 0, variant.toString());
    }

    @Test
    void percentilesCsvFollowsHdrHistogramsColumns(@TempDir Path dir) throws IOException {
        OutputFolder.write(dir, run, ChartFormat.PNG);
        List<String> lines = Files.readAllLines(dir.resolve("percentiles.csv"));
        assertEquals("metric,subject,variant,value_ms,percentile,total_count,one_over_one_minus_p", lines.get(0));
        assertTrue(lines.get(1).startsWith("return_delay,app/sleeper,5ms,"));
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(",Infinity")));
        String threads = Files.readAllLines(dir.resolve("threads.csv")).get(0);
        assertTrue(threads.startsWith("variant,process,thread,held_fraction,"));
        assertTrue(threads.endsWith("return_delay_max_ms"));
    }

    @Test
    void traceParsesAndNoThreadsEventsOverlap(@TempDir Path dir) throws IOException {
        OutputFolder.write(dir, run, ChartFormat.PNG);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("trace.json").toFile());
        Map<String, List<double[]>> byThread = new HashMap<>();
        int instants = 0;
        for (JsonNode e : root.path("traceEvents")) {
            String ph = e.path("ph").asText();
            if (ph.equals("X")) {
                byThread.computeIfAbsent(e.path("pid").asText() + "/" + e.path("tid").asText(), k -> new ArrayList<>())
                        .add(new double[] {e.path("ts").asDouble(), e.path("dur").asDouble()});
            } else if (ph.equals("i")) {
                instants++;
            }
        }
        assertEquals(4, byThread.size(), "two threads in each of two variants");
        assertTrue(instants > 0, "drop requests and forced drops");
        for (List<double[]> events : byThread.values()) {
            events.sort((x, y) -> Double.compare(x[0], y[0]));
            for (int i = 1; i < events.size(); i++) {
                assertTrue(events.get(i - 1)[0] + events.get(i - 1)[1] <= events.get(i)[0] + 1e-6, "overlap");
            }
        }
    }

    @Test
    void traceReadsBackIntoTheSameTimeline(@TempDir Path dir) throws IOException {
        OutputFolder.write(dir, run, ChartFormat.PNG);
        Map<String, Timeline> read;
        try (InputStream in = Files.newInputStream(dir.resolve("trace.json"))) {
            read = TraceJson.read(in);
        }
        assertEquals(run.variants().get(0).timeline(), read.get("5ms"));
        assertEquals(run.variants().get(1).timeline(), read.get("1ms"));
    }

    /** Redrawn from summary.json and trace.json, the charts and report.html are as the run wrote them. */
    @Test
    void redrawRecreatesTheChartsFromSavedData(@TempDir Path dir) throws IOException {
        List<Path> first = OutputFolder.write(dir, TestRuns.results(), PROVENANCE, ChartFormat.PNG);
        byte[] report = Files.readAllBytes(dir.resolve(OutputFolder.REPORT));
        for (Path p : first) {
            if (p.startsWith(dir.resolve(OutputFolder.CHARTS))) {
                Files.delete(p);
            }
        }
        List<Path> redrawn = OutputFolder.redraw(dir, ChartFormat.PNG);
        List<String> names = redrawn.stream().map(p -> dir.relativize(p).toString()).sorted().toList();
        List<String> expected = first.stream().filter(p -> p.startsWith(dir.resolve(OutputFolder.CHARTS))
                || p.endsWith(OutputFolder.REPORT)).map(p -> dir.relativize(p).toString()).sorted().toList();
        assertEquals(expected, names);
        names.forEach(n -> assertTrue(Files.isRegularFile(dir.resolve(n)), n));
        RunData back = SavedRun.read(dir);
        assertEquals(run.latencyKeys(), back.latencyKeys());
        assertEquals(run.variants().get(0).latencies().get(0).recorder().histogram(),
                back.variants().get(0).latencies().get(0).recorder().histogram());
        assertEquals(run.seriesKeys(), back.seriesKeys());
        assertEquals(new String(report, StandardCharsets.UTF_8), Files.readString(dir.resolve(OutputFolder.REPORT)));
    }

    /**
     * The copies of a thread ({@code count: 2}) are pooled again from summary.json: the redrawn
     * charts are the group's, named after the declared thread, as the run drew them.
     */
    @Test
    void copiesOfAThreadArePooledAgainWhenTheRunIsReadBack(@TempDir Path dir) throws IOException {
        String yaml = TestRuns.YAML.replace("- name: spinner\n", "- name: spinner\n        count: 2\n");
        List<RunResult> results = new ScenarioLoader().load("tiny.yaml", yaml, List.of()).variants().stream()
                .map(Simulation::run).toList();
        List<Path> written = OutputFolder.write(dir, results, PROVENANCE, ChartFormat.PNG);
        RunData back = SavedRun.read(dir);
        assertTrue(back.latencyKeys().contains("gil_wait:app/spinner-2"), back.latencyKeys().toString());
        assertTrue(back.pooledLatencyKeys().contains("gil_wait:app/spinner"), back.pooledLatencyKeys().toString());
        assertFalse(back.pooledLatencyKeys().contains("gil_wait:app/spinner-1"));
        assertEquals(RunData.latency(RunData.of(results).variants().get(0), "gil_wait:app/spinner").orElseThrow()
                        .recorder().histogram(),
                RunData.latency(back.variants().get(0), "gil_wait:app/spinner").orElseThrow().recorder().histogram());
        assertTrue(written.contains(dir.resolve("charts/cdf-gil_wait-app-spinner.png")), written.toString());
        assertFalse(written.contains(dir.resolve("charts/cdf-gil_wait-app-spinner-1.png")));
    }

    /** A folder written before summary.json carried the chart data (a chart-data.json beside it) still redraws. */
    @Test
    void aRunSavedInTheEarlierChartDataJsonStillRedraws(@TempDir Path dir) throws IOException {
        Path saved = copyOfFormatOneRun(dir);
        List<Path> redrawn = OutputFolder.redraw(saved, ChartFormat.SVG);
        assertTrue(redrawn.contains(saved.resolve(OutputFolder.CHARTS).resolve("timeline-base.svg")), redrawn.toString());
        String html = Files.readString(saved.resolve(OutputFolder.REPORT));
        assertTrue(html.contains("app/worker-1") && html.contains("Two CPU-bound threads"), html);
        RunData back = SavedRun.read(saved);
        assertEquals(25, back.variants().get(0).threads().get(0).number("acquisitions"));
    }

    @Test
    void anEarlierSummaryJsonWithoutItsChartDataJsonIsOneClearMessage(@TempDir Path dir) throws IOException {
        Path saved = copyOfFormatOneRun(dir);
        Files.delete(saved.resolve("chart-data.json"));
        SavedRun.NotASavedRunException e = assertThrows(SavedRun.NotASavedRunException.class,
                () -> OutputFolder.redraw(saved, ChartFormat.PNG));
        assertTrue(e.getMessage().contains("summary.json is of format 1, which carries no chart data"), e.getMessage());
    }

    /** A run folder as gilsim wrote it before summary.json's format 2, its charts and report removed. */
    private static Path copyOfFormatOneRun(Path dir) throws IOException {
        Path from = Path.of("src/test/resources/saved-runs/format-1-two-cpu-threads");
        Path to = dir.resolve("two-cpu-threads");
        Files.createDirectories(to);
        for (String f : List.of("summary.json", "chart-data.json", "trace.json")) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        return to;
    }

    @Test
    void aFolderWithoutSavedDataIsNotASavedRun(@TempDir Path dir) {
        SavedRun.NotASavedRunException e = assertThrows(SavedRun.NotASavedRunException.class,
                () -> OutputFolder.redraw(dir, ChartFormat.PNG));
        assertTrue(e.getMessage().contains("holds no saved run"));
    }

    /**
     * Charts are written on several threads, yet a failure is reported as if they were written one
     * by one: two charts that cannot be written (a non-empty folder where each file goes), and
     * every try names the first of them in report order, with no temporary file left behind.
     */
    @Test
    void theFirstChartThatCannotBeWrittenIsTheOneReportedEveryTime(@TempDir Path dir) throws IOException {
        List<Path> charts = OutputFolder.write(dir.resolve("probe"), run, ChartFormat.PNG).stream()
                .filter(p -> p.getParent().getFileName().toString().equals(OutputFolder.CHARTS)).toList();
        String first = charts.get(0).getFileName().toString();
        String last = charts.get(charts.size() - 1).getFileName().toString();
        for (int attempt = 0; attempt < 5; attempt++) {
            Path out = dir.resolve("run-" + attempt);
            for (String blocked : List.of(first, last)) {
                Files.createDirectories(out.resolve(OutputFolder.CHARTS).resolve(blocked).resolve("in-the-way"));
            }
            IOException e = assertThrows(IOException.class, () -> OutputFolder.write(out, run, ChartFormat.PNG));
            assertTrue(e.getMessage().contains(first) && !e.getMessage().contains(last), e.getMessage());
            try (var left = Files.list(out.resolve(OutputFolder.CHARTS))) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
            }
            assertFalse(Files.exists(out.resolve(OutputFolder.REPORT)), "no report for a run not fully written");
        }
    }

    @Test
    void aDataFileThatCannotBeWrittenIsReportedBeforeAnyChart(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(SavedRun.TRACE).resolve("in-the-way"));
        Files.createDirectories(dir.resolve(OutputFolder.CHARTS).resolve("timeline-5ms.png").resolve("in-the-way"));
        IOException e = assertThrows(IOException.class, () -> OutputFolder.write(dir, run, ChartFormat.PNG));
        assertTrue(e.getMessage().contains(SavedRun.TRACE), e.getMessage());
    }
}
