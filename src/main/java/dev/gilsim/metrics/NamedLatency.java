package dev.gilsim.metrics;

/**
 * One latency distribution of a run, named for tables, charts and files: {@code metric} says what
 * was measured ({@code return_delay}, {@code gil_wait}, later {@code loop_lag}, {@code latency}),
 * {@code subject} whose ({@code app/sleeper}, an endpoint, a process's loop).
 */
public record NamedLatency(String metric, String subject, LatencyRecorder recorder) {
    public String key() {
        return metric + ":" + subject;
    }
}
