package dev.gilsim.sweep;

import dev.gilsim.run.RunResult;
import java.util.Map;

/**
 * How a sweep reads the metrics of one run of one variant: every figure under its name
 * ({@code threads.app/sleeper.return_delay.p99_ms}), in the run's order. The engine only follows
 * the names it is given; whoever writes the sweep's files chooses them, so a sweep's metrics are
 * named as the run's own files name them.
 */
@FunctionalInterface
public interface Figures {
    Map<String, Double> of(RunResult run);
}
