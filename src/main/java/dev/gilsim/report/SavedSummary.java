package dev.gilsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.results.EndpointRequests;
import dev.gilsim.results.Figure;
import dev.gilsim.results.Parameter;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.RunData;
import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run read back from its {@code summary.json} ({@link SummaryJson}, format 2): the header and
 * provenance, and per variant its parameters, threads (every figure of the registry, by name),
 * requests per endpoint and chart data; the GIL timelines come from {@code trace.json}.
 */
final class SavedSummary {
    private SavedSummary() {
    }

    /** Whether {@code root} is a summary.json this reader knows: format 2 or later carries chart data. */
    static boolean carriesChartData(JsonNode root) {
        return root != null && root.path("format_version").asInt() >= SummaryJson.FORMAT_VERSION;
    }

    static RunData read(JsonNode root, Map<String, Timeline> timelines) throws IOException {
        if (root.path("variants").isEmpty()) {
            throw new IOException(SavedRun.SUMMARY + " has no variants");
        }
        List<VariantData> variants = new ArrayList<>();
        for (JsonNode v : root.path("variants")) {
            List<ThreadSummary> threads = new ArrayList<>();
            for (JsonNode t : v.path("threads")) {
                threads.add(thread(t, t.path("name").asText(), false));
            }
            List<EndpointRequests> requests = new ArrayList<>();
            for (JsonNode e : v.path("endpoints")) {
                requests.add(new EndpointRequests(e.path("name").asText(), e.path("arrived").asLong(),
                        e.path("completed").asLong(), e.path("rejected").asLong(), e.path("unfinished").asLong()));
            }
            JsonNode chart = v.path(ChartData.FIELD);
            String name = v.path("name").asText();
            variants.add(VariantData.of(name, v.path("description").asText(), parameters(v.path("parameters")),
                    ChartData.latencies(chart), threads, timelines.getOrDefault(name, Timeline.empty(0, 0)),
                    ChartData.series(chart), requests));
        }
        JsonNode command = root.path("command_line");
        return new RunData(root.path("scenario").asText(), root.path("title").asText(),
                root.path("description").asText(), root.path("source").asText(), variants,
                provenance(root.path("gilsim_version"), command.path("set"), command.path("seed"),
                        root.path("scenario_text")));
    }

    static Provenance provenance(JsonNode version, JsonNode set, JsonNode seed, JsonNode scenarioText) {
        List<String> sets = new ArrayList<>();
        set.forEach(s -> sets.add(s.asText()));
        return new Provenance(version.asText(), sets, seed.isNumber() ? seed.asLong() : null, scenarioText.asText());
    }

    /** The report's parameter table, kept as an object of names and their values. */
    private static List<Parameter> parameters(JsonNode object) {
        List<Parameter> out = new ArrayList<>();
        object.fields().forEachRemaining(p -> out.add(new Parameter(p.getKey(), p.getValue().asText())));
        return out;
    }

    /**
     * A thread's figures, every one the registry names, read by that name: a distribution as
     * summary.json nests it ({@code gil_wait.p99_ms}) or, {@code joined}, as threads.csv's columns
     * name it ({@code gil_wait_p99_ms}).
     */
    static ThreadSummary thread(JsonNode t, String thread, boolean joined) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, LatencySummary> distributions = new LinkedHashMap<>();
        for (Figure<ThreadSummary> f : ThreadFigures.ALL) {
            if (f.isDistribution()) {
                distributions.put(f.name(), joined ? latency(t, f.name() + "_") : latency(t.path(f.name()), ""));
            } else {
                numbers.put(f.name(), t.path(f.name()).asDouble());
            }
        }
        return new ThreadSummary(t.path("process").asText(), thread, numbers, distributions);
    }

    private static LatencySummary latency(JsonNode o, String prefix) {
        return new LatencySummary(o.path(prefix + "count").asLong(), o.path(prefix + "mean_ms").asDouble(),
                o.path(prefix + "p50_ms").asDouble(), o.path(prefix + "p90_ms").asDouble(),
                o.path(prefix + "p99_ms").asDouble(), o.path(prefix + "p99_9_ms").asDouble(),
                o.path(prefix + "max_ms").asDouble());
    }
}
