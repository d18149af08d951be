package dev.gilsim.report;

import dev.gilsim.metrics.Timeline;
import dev.gilsim.results.RunData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads a finished run back from its output folder: {@code chart-data.json} and {@code trace.json}. */
public final class SavedRun {
    public static final String CHART_DATA = "chart-data.json";
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
        Path data = dir.resolve(CHART_DATA);
        Path trace = dir.resolve(TRACE);
        if (!Files.isRegularFile(data)) {
            throw new NotASavedRunException(dir + " holds no saved run (no " + CHART_DATA
                    + "); run 'gilsim run' on a scenario first, then 'gilsim chart output/<scenario>'");
        }
        if (!Files.isRegularFile(trace)) {
            throw new NotASavedRunException(dir + " has " + CHART_DATA + " but no " + TRACE
                    + "; re-run the scenario with 'gilsim run'");
        }
        try {
            Map<String, Timeline> timelines;
            try (InputStream in = Files.newInputStream(trace)) {
                timelines = TraceJson.read(in);
            }
            try (InputStream in = Files.newInputStream(data)) {
                return ChartDataJson.read(in, timelines);
            }
        } catch (IOException | RuntimeException e) {
            throw new NotASavedRunException("cannot read the saved run in " + dir + ": " + e.getMessage());
        }
    }
}
