package dev.gilsim.metrics;

import java.util.List;

/**
 * What was recorded of one process (interpreter) over the measurement window: its name, its build
 * ({@code gil} or {@code free-threaded}) and its threads' metrics, from which the registry
 * ({@code results.ProcessFigures}) computes the process's figures.
 *
 * @param windowNanos the measurement window's length
 */
public record ProcessMetrics(String process, String build, List<ThreadMetrics> threads, double windowNanos) {

    public ProcessMetrics {
        threads = List.copyOf(threads);
    }

    /** Whether the process has a GIL to hold. */
    public boolean hasGil() {
        return "gil".equals(build);
    }
}
