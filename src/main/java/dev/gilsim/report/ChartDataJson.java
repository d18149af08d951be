package dev.gilsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.results.EndpointRequests;
import dev.gilsim.results.Parameter;
import dev.gilsim.results.RunData;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code chart-data.json}, where runs saved before {@code summary.json} carried its chart data
 * (summary.json format 1) kept what {@code gilsim chart} needs; read so that those folders still
 * redraw. gilsim writes it no more. Its threads' figures are threads.csv's columns
 * ({@code gil_wait_p99_ms}); its latencies and series are those of {@link ChartData}.
 */
final class ChartDataJson {
    static final String FILE = "chart-data.json";
    static final int FORMAT_VERSION = 1;

    private ChartDataJson() {
    }

    static RunData read(JsonNode root, Map<String, Timeline> timelines) throws IOException {
        if (root == null || root.path("format_version").asInt() != FORMAT_VERSION) {
            throw new IOException("not a gilsim " + FILE + " of format version " + FORMAT_VERSION);
        }
        List<VariantData> variants = new ArrayList<>();
        for (JsonNode v : root.path("variants")) {
            String name = v.path("name").asText();
            variants.add(VariantData.of(name, v.path("description").asText(),
                    parameters(v), ChartData.latencies(v), threads(v),
                    timelines.getOrDefault(name, Timeline.empty(0, 0)), ChartData.series(v), requests(v)));
        }
        JsonNode p = root.path("provenance");
        return new RunData(root.path("scenario").asText(), root.path("title").asText(),
                root.path("description").asText(), root.path("source").asText(), variants,
                p.isMissingNode() ? null : SavedSummary.provenance(p.path("gilsim_version"), p.path("set"),
                        p.path("seed"), p.path("scenario_text")));
    }

    private static List<Parameter> parameters(JsonNode v) {
        List<Parameter> out = new ArrayList<>();
        for (JsonNode p : v.path("parameters")) {
            out.add(new Parameter(p.path("name").asText(), p.path("value").asText()));
        }
        return out;
    }

    private static List<ThreadSummary> threads(JsonNode v) {
        List<ThreadSummary> out = new ArrayList<>();
        for (JsonNode t : v.path("threads")) {
            out.add(SavedSummary.thread(t, t.path("thread").asText(), true));
        }
        return out;
    }

    private static List<EndpointRequests> requests(JsonNode v) {
        List<EndpointRequests> out = new ArrayList<>();
        for (JsonNode e : v.path("requests")) {  // absent in the earliest files: no table
            out.add(new EndpointRequests(e.path("endpoint").asText(), e.path("arrived").asLong(),
                    e.path("completed").asLong(), e.path("rejected").asLong(), e.path("unfinished").asLong()));
        }
        return out;
    }
}
