package dev.gilsim.metrics;

import java.util.List;

/** Everything one run of one variant reports (model.md section 7). */
public record RunSummary(
        String variant,
        long events,
        double coreUtilisation,
        List<ProcessSummary> processes,
        List<ThreadSummary> threads,
        AppSummary app) {

    public RunSummary {
        processes = List.copyOf(processes);
        threads = List.copyOf(threads);
        java.util.Objects.requireNonNull(app, "app");
    }

    /** A run without servers. */
    public RunSummary(String variant, long events, double coreUtilisation, List<ProcessSummary> processes,
            List<ThreadSummary> threads) {
        this(variant, events, coreUtilisation, processes, threads, AppSummary.EMPTY);
    }
}
