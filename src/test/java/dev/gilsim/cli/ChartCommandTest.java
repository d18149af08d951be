package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.chart.TestRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChartCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void runThenChartRecreatesTheCharts(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, TestRuns.YAML);
        Path results = dir.resolve("out");
        assertEquals(0, execute("run", scenario.toString(), "--out", results.toString(), "--window", "200ms..250ms"),
                err.toString());
        Path run = results.resolve("tiny");
        for (String f : new String[] {"summary.json", "percentiles.csv", "threads.csv", "trace.json",
            "report.html", "charts/timeline-5ms.png"}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        assertFalse(Files.exists(run.resolve("chart-data.json")), "summary.json carries the chart data");
        Files.delete(run.resolve("charts/timeline-5ms.png"));
        assertEquals(0, execute("chart", run.toString(), "--format", "svg"), err.toString());
        assertTrue(Files.isRegularFile(run.resolve("charts/timeline-5ms.svg")));
        assertTrue(Files.readString(run.resolve("report.html")).contains("charts/timeline-5ms.svg"));
        assertTrue(Files.readString(run.resolve("trace.json")).contains("\"start_ns\":200000000"));
    }

    @Test
    void chartOnAFolderWithNoSavedDataFailsWithOneClearMessage(@TempDir Path dir) {
        assertEquals(Cli.BAD_INPUT, execute("chart", dir.toString()));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("gilsim: ") && message.contains("holds no saved run"), message);
    }

    @Test
    void aSummaryJsonCutShortIsOneLineNamingTheFileAndWhere(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("summary.json"), "{\"format_version\": 2, \"variants\": [\n");
        Files.writeString(dir.resolve("trace.json"), "{}");
        assertEquals(Cli.BAD_INPUT, execute("chart", dir.toString()));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(dir.resolve("summary.json") + ": not JSON at line 2, column 1"), message);
    }

    @Test
    void aBackwardWindowIsBadInput(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, TestRuns.YAML);
        assertEquals(Cli.BAD_INPUT, execute("run", scenario.toString(), "--out", dir.toString(), "--window", "2s..1s"));
        assertTrue(err.toString().contains("empty window"), err.toString());
    }
}
