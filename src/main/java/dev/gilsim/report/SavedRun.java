package dev.gilsim.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.results.RunData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a finished run back from its output folder: {@code summary.json}, the run's one document
 * (its figures and chart data), and the GIL timelines from {@code trace.json}. A folder saved
 * before summary.json carried chart data has them in {@code chart-data.json}, read instead.
 */
public final class SavedRun {
    public static final String SUMMARY = "summary.json";
    public static final String TRACE = "trace.json";

    private SavedRun() {
    }

    /** A folder that holds no saved run, or a saved run that cannot be read. */
    public static final class NotASavedRunException extends RuntimeException {
        NotASavedRunException(String message) {
            super(message);
        }
    }

    public static RunData read(Path dir) {
        Path summary = dir.resolve(SUMMARY);
        Path legacy = dir.resolve(ChartDataJson.FILE);
        if (!Files.isRegularFile(summary) && !Files.isRegularFile(legacy)) {
            throw new NotASavedRunException(dir + " holds no saved run (no " + SUMMARY
                    + "); run 'gilsim run' on a scenario first, then 'gilsim chart output/<scenario>'");
        }
        if (!Files.isRegularFile(dir.resolve(TRACE))) {
            throw new NotASavedRunException(dir + " has no " + TRACE
                    + " (the GIL timelines); re-run the scenario with 'gilsim run'");
        }
        try {
            JsonNode root = Files.isRegularFile(summary) ? json(summary) : null;
            boolean current = SavedSummary.carriesChartData(root);
            if (!current && !Files.isRegularFile(legacy)) {
                throw new NotASavedRunException(summary + " is of format " + root.path("format_version").asInt()
                        + ", which carries no chart data, and " + ChartDataJson.FILE
                        + " is missing; re-run the scenario with 'gilsim run'");
            }
            Map<String, Timeline> timelines;
            try (InputStream in = Files.newInputStream(dir.resolve(TRACE))) {
                timelines = TraceJson.read(in);
            }
            return current ? SavedSummary.read(root, timelines) : ChartDataJson.read(json(legacy), timelines);
        } catch (NotASavedRunException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new NotASavedRunException("cannot read the saved run in " + dir + ": " + e.getMessage());
        }
    }

    /** A file's JSON; a file that is not JSON is one line naming it and where it went wrong. */
    private static JsonNode json(Path file) throws IOException {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new NotASavedRunException("cannot read " + file + ": not JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").replaceFirst(" \\(start marker at .*", ""));
        }
    }
}
