package dev.gilsim.metrics;

/** One interpreter's GIL over the measurement window. */
public record ProcessSummary(
        String process,
        String build,
        double gilHeldFraction,
        long acquisitions,
        long switches,
        long forcedDrops,
        long voluntaryDrops,
        long dropRequests,
        LatencySummary gilWait) {
}
