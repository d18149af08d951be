package dev.gilsim.run;

import dev.gilsim.metrics.GilMetrics;
import dev.gilsim.metrics.RunSummary;
import dev.gilsim.scenario.Scenario;

/**
 * A finished run: its summary and the metrics behind it (for tables and charts).
 * {@code wallNanos} is how long the run took on this computer; it is shown, never saved, since
 * saved results must not depend on the machine.
 */
public record RunResult(Scenario scenario, RunSummary summary, GilMetrics metrics, long wallNanos) {

    public double eventsPerSecond() {
        return wallNanos == 0 ? 0 : summary.events() / (wallNanos / 1e9);
    }

    /** Simulated seconds per wall-clock second. */
    public double speed() {
        return wallNanos == 0 ? 0 : scenario.duration() / (double) wallNanos;
    }
}
