package dev.gilsim.metrics;

/**
 * One time series of a run, named like {@link NamedLatency}: {@code metric} says what was sampled
 * ({@code return_delay}, later {@code loop_lag}, {@code queue_length}), {@code subject} whose.
 */
public record NamedSeries(String metric, String subject, TimeSeries series) {
    public String key() {
        return metric + ":" + subject;
    }
}
