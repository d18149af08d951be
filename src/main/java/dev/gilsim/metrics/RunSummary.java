package dev.gilsim.metrics;

import java.util.List;

/**
 * What one run of one variant reports of itself, its processes and its servers (model.md section
 * 7); its threads' figures are computed from {@link GilMetrics} by the registry
 * ({@code results.ThreadFigures}).
 */
public record RunSummary(
        String variant,
        long events,
        double coreUtilisation,
        List<ProcessMetrics> processes,
        AppSummary app) {

    public RunSummary {
        processes = List.copyOf(processes);
        java.util.Objects.requireNonNull(app, "app");
    }
}
