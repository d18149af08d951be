package dev.gilsim.run;

import dev.gilsim.metrics.AppMetrics;
import dev.gilsim.metrics.GilMetrics;
import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.metrics.NamedSeries;
import dev.gilsim.metrics.RunSummary;
import dev.gilsim.metrics.ThreadMetrics;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A finished run: its summary and the metrics behind it (for tables and charts), the GIL timeline
 * of a window, and every time series sampled (in a stable order; charts draw each one that is not
 * empty). {@code wallNanos} is how long the run took on this computer; it is shown, never saved,
 * since saved results must not depend on the machine.
 *
 * @param app the servers' metrics (empty for a scenario without servers)
 */
public record RunResult(Scenario scenario, RunSummary summary, GilMetrics metrics, AppMetrics app,
        Timeline timeline, List<NamedSeries> series, long wallNanos) {

    public RunResult {
        Objects.requireNonNull(app, "app");
        series = List.copyOf(series);
    }

    /**
     * Every latency distribution with at least one sample, in a stable order: loop lag per process
     * ({@code loop_lag:<process>}), latency per endpoint ({@code latency:<server>/<endpoint>}) and
     * jobs' time to result; then per thread, the delay returning from blocking calls, then the
     * waits to acquire the GIL.
     */
    public List<NamedLatency> latencies() {
        List<NamedLatency> out = new ArrayList<>();
        for (NamedLatency l : app.latencies()) {
            if (l.recorder().count() > 0) {
                out.add(l);
            }
        }
        for (ThreadMetrics t : metrics.threads()) {
            if (t.returnDelays().count() > 0) {
                out.add(new NamedLatency("return_delay", t.thread().qualifiedName(), t.returnDelays()));
            }
        }
        for (ThreadMetrics t : metrics.threads()) {
            if (t.gilWaits().count() > 0) {
                out.add(new NamedLatency("gil_wait", t.thread().qualifiedName(), t.gilWaits()));
            }
        }
        return out;
    }

    public double eventsPerSecond() {
        return wallNanos == 0 ? 0 : summary.events() / (wallNanos / 1e9);
    }

    /** Simulated seconds per wall-clock second. */
    public double speed() {
        return wallNanos == 0 ? 0 : scenario.durationNanos() / (double) wallNanos;
    }
}
