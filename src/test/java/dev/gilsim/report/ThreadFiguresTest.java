package dev.gilsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilsim.chart.TestRuns;
import dev.gilsim.results.Figure;
import dev.gilsim.results.LatencyFigures;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.RunData;
import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule: a per-thread figure is one entry of the registry. A thread's summary keeps figures by
 * name; each figure is in {@code summary.json}'s thread objects, {@code threads.csv}'s columns and
 * the console's and report.html's thread tables under its heading, and comes back whole when
 * {@code gilsim chart} reads the saved run, with no code of their own per figure.
 */
class ThreadFiguresTest {
    private static List<RunResult> results;
    private static RunData run;

    @BeforeAll
    static void simulate() {
        results = TestRuns.results();
        run = RunData.of(results, Provenance.of(List.of(), null, TestRuns.YAML));
    }

    /** A figure is kept by its name: a new one adds no field to the thread's summary. */
    @Test
    void aThreadSummaryHasNoFieldPerFigure() {
        assertEquals(List.of("process", "thread", "numbers", "distributions"),
                Arrays.stream(ThreadSummary.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    /** The registry computes every figure of every thread from what the run recorded. */
    @Test
    void everyThreadOfARunHasEveryFigureOfTheRegistry() {
        List<ThreadSummary> threads = ThreadFigures.of(results.get(0));
        assertEquals(results.get(0).metrics().threads().size(), threads.size());
        for (ThreadSummary t : threads) {
            List<String> names = new ArrayList<>(t.numbers().keySet());
            names.addAll(t.distributions().keySet());
            assertEquals(ThreadFigures.ALL.stream().map(Figure::name).sorted().toList(), names.stream().sorted().toList(),
                    t.name());
        }
    }

    @Test
    void everyFigureIsAFieldOfEverySummaryJsonThreadInRegistryOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(results, run.provenance(), out);
        JsonNode thread = new ObjectMapper().readTree(out.toByteArray()).path("variants").get(0).path("threads").get(0);
        List<String> names = new ArrayList<>(List.of("process", "name"));
        ThreadFigures.ALL.forEach(f -> names.add(f.name()));
        assertEquals(names, fieldNames(thread));
        for (Figure<ThreadSummary> f : ThreadFigures.ALL) {
            assertTrue(f.isDistribution() ? thread.get(f.name()).has("p99_ms") : thread.get(f.name()).isNumber(),
                    f.name());
        }
    }

    @Test
    void everyFigureHasItsColumnsInThreadsCsv() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ThreadsCsv.write(run, csv);
        String header = csv.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        for (Figure<ThreadSummary> f : ThreadFigures.ALL) {
            String column = f.isDistribution() ? f.name() + "_p99_ms" : f.name();
            assertTrue(List.of(header.split(",")).contains(column), column + " in " + header);
        }
    }

    /**
     * What gilsim chart reads back from summary.json has every figure of every thread, each the
     * value the run computed at summary.json's precision: no reader names a figure of its own.
     */
    @Test
    void everyFigureOfEveryThreadSurvivesTheReadBackOfTheSavedRun(@TempDir Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(SavedRun.SUMMARY))) {
            SummaryJson.write(results, run.provenance(), out);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(SavedRun.TRACE))) {
            TraceJson.write(run, out);
        }
        RunData back = SavedRun.read(dir);
        for (int v = 0; v < run.variants().size(); v++) {
            List<ThreadSummary> before = run.variants().get(v).threads();
            List<ThreadSummary> after = back.variants().get(v).threads();
            assertEquals(before.stream().map(ThreadSummary::name).toList(), after.stream().map(ThreadSummary::name).toList());
            for (int t = 0; t < before.size(); t++) {
                for (Figure<ThreadSummary> f : ThreadFigures.ALL) {
                    assertEquals(saved(f, before.get(t)), saved(f, after.get(t)), before.get(t).name() + " " + f.name());
                }
            }
        }
    }

    /** A figure as summary.json keeps it: six decimals, a distribution as each of its statistics. */
    private static List<BigDecimal> saved(Figure<ThreadSummary> f, ThreadSummary t) {
        if (!f.isDistribution()) {
            return List.of(Figure.round(f.value(t)));
        }
        return LatencyFigures.STATS.stream().map(s -> Figure.round(s.value(f.latency(t)))).toList();
    }

    /**
     * The console shows a figure under its heading, a distribution as its statistics (the first
     * named: {@code gil-wait p50}, {@code p99}); the sleeper's acquisitions are its {@code acq} cell.
     */
    @Test
    void everyFigureWithAConsoleHeadingIsAColumnOfTheConsoleTable() {
        List<String> lines = ConsoleTable.threads(results).lines().toList();
        List<String> header = List.of(lines.get(0).trim().split("\\s{2,}"));
        List<String> expected = new ArrayList<>(List.of("variant", "thread"));
        for (Figure<ThreadSummary> f : ThreadFigures.console()) {
            if (!f.isDistribution()) {
                expected.add(f.console());
            }
            for (int i = 0; i < f.stats().size(); i++) {
                expected.add((i == 0 ? f.console() + " " : "") + f.stats().get(i).heading());
            }
        }
        assertEquals(expected, header);
        assertEquals(ThreadFigures.ALL.stream().filter(f -> f.console() != null).count(),
                ThreadFigures.console().size(), "every figure with a console heading is shown");
        ThreadSummary sleeper = ThreadFigures.of(results.get(0)).get(1);
        List<String> row = List.of(lines.get(2).trim().split("\\s{2,}"));
        int acq = header.indexOf("acq");
        assertEquals(Long.toString((long) sleeper.number("acquisitions")), row.get(acq), lines.get(2));
    }

    @Test
    void everyFigureWithAnHtmlHeadingIsAColumnOfTheReportsThreadTable() {
        String h = HtmlReport.render(run, List.of());
        String table = h.substring(h.indexOf("<h2 id=\"threads\">"));
        StringBuilder header = new StringBuilder("<tr><th>variant</th><th>thread</th>");
        ThreadFigures.html().forEach(f -> header.append("<th>").append(HtmlReport.esc(f.html())).append("</th>"));
        assertTrue(table.contains(header + "</tr>"), table);
        assertEquals(ThreadFigures.ALL.stream().filter(f -> f.html() != null).count(), ThreadFigures.html().size());
        for (Figure<ThreadSummary> f : ThreadFigures.html()) {
            assertTrue(!f.isDistribution(), f.name() + ": report.html's thread table has one cell per figure");
        }
    }

    @Test
    void namesAreUniqueAndCarryTheirUnit() {
        assertEquals(ThreadFigures.ALL.size(), ThreadFigures.ALL.stream().map(Figure<ThreadSummary>::name).distinct().count());
        for (Figure<ThreadSummary> f : ThreadFigures.ALL) {
            switch (f.unit()) {
                case FRACTION -> assertTrue(f.name().endsWith("_fraction"), f.name());
                case PER_SECOND -> assertTrue(f.name().endsWith("_per_s"), f.name());
                default -> assertTrue(!f.description().isBlank(), f.name());
            }
        }
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }
}
