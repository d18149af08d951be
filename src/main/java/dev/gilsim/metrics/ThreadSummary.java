package dev.gilsim.metrics;

/**
 * One thread's figures over the measurement window. Fractions are of the window's length; a
 * thread that started late or finished early has the rest of its time in none of them.
 */
public record ThreadSummary(
        String process,
        String thread,
        double heldFraction,
        double waitingFraction,
        double ioFraction,
        double nativeReleasedFraction,
        double blockedFraction,
        double onCoreFraction,
        double descheduledFraction,
        long iterations,
        double iterationsPerSecond,
        long acquisitions,
        long forcedDrops,
        long voluntaryDrops,
        long dropRequestsMade,
        long dropRequestsReceived,
        LatencySummary gilWait,
        LatencySummary returnDelay) {
}
