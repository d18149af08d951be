package dev.gilsim.metrics;

import java.util.List;

/** Everything one run of one variant reports (model.md section 7). */
public record RunSummary(
        String variant,
        long events,
        double coreUtilisation,
        List<ProcessSummary> processes,
        List<ThreadSummary> threads) {

    public RunSummary {
        processes = List.copyOf(processes);
        threads = List.copyOf(threads);
    }
}
