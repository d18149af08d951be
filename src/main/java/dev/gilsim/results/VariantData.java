package dev.gilsim.results;

import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.metrics.NamedSeries;
import dev.gilsim.metrics.Timeline;
import java.util.List;

/**
 * What the charts, tables and report show of one variant of a run. Everything in it can be saved
 * and read back ({@link SavedRun}), so charts can be redrawn without simulating again; the pooled
 * copies are made again from what was saved.
 */
public record VariantData(
        String name,
        String description,
        List<Parameter> parameters,
        List<NamedLatency> latencies,
        List<ThreadSummary> threads,
        Timeline timeline,
        List<NamedSeries> series,
        List<EndpointRequests> requests,
        List<CopyGroup> copies) {

    public VariantData {
        parameters = List.copyOf(parameters);
        latencies = List.copyOf(latencies);
        threads = List.copyOf(threads);
        series = List.copyOf(series);
        requests = List.copyOf(requests);
        copies = List.copyOf(copies);
    }

    /** A variant whose copies of a thread ({@code count: N}) are pooled for charts and tables ({@link CopyGroup}). */
    public static VariantData of(String name, String description, List<Parameter> parameters,
            List<NamedLatency> latencies, List<ThreadSummary> threads, Timeline timeline, List<NamedSeries> series,
            List<EndpointRequests> requests) {
        return new VariantData(name, description, parameters, latencies, threads, timeline, series, requests,
                CopyGroup.of(parameters, latencies));
    }
}
