package dev.gilsim.metrics;

import java.util.List;

/**
 * What the servers of one run report (model.md section 7): per loop, per endpoint, per executor
 * and per job queue. Empty lists for a scenario without servers.
 */
public record AppSummary(List<Loop> loops, List<Endpoint> endpoints, List<Executor> executors, List<Jobs> jobs) {
    public static final AppSummary EMPTY = new AppSummary(List.of(), List.of(), List.of(), List.of());

    public AppSummary {
        loops = List.copyOf(loops);
        endpoints = List.copyOf(endpoints);
        executors = List.copyOf(executors);
        jobs = List.copyOf(jobs);
    }

    public boolean isEmpty() {
        return loops.isEmpty() && endpoints.isEmpty() && executors.isEmpty() && jobs.isEmpty();
    }

    /** L4: a process's loop lag (heartbeat), and callbacks slower than the threshold. */
    public record Loop(String process, LatencySummary lag, long slowCallbacks, LatencySummary slowCallbackDuration) {
    }

    /**
     * L5: one endpoint's latency from intended arrival, over the requests completed in the window.
     *
     * @param unfinished requests that arrived (at any time) and had no response when the run ended
     */
    /**
     * @param latency of the requests answered in the window, and of those offered in it and still
     *                unanswered at its end, counted at their age then ({@code censored} of them)
     */
    public record Endpoint(String server, String endpoint, LatencySummary latency, double throughputPerSecond,
            long arrived, long completed, long rejected, long unfinished, long censored) {
        public String key() {
            return server + "/" + endpoint;
        }
    }

    /**
     * E1 to E3: one declared pool of one process (per-request pools added together).
     *
     * @param queueLengthMean tasks waiting for a worker, averaged over the window
     * @param inFlight tasks submitted (at any time) and not completed when the run ended
     */
    public record Executor(String process, String executor, double queueLengthMean, long queueLengthMax,
            long submitted, long completed, long inFlight, long workersStarted, LatencySummary queueWait) {
    }

    /** E5: from a job's submit (intended arrival) to the poll that saw it done. */
    public record Jobs(String server, LatencySummary timeToResult) {
    }
}
