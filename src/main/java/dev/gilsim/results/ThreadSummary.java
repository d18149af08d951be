package dev.gilsim.results;

import dev.gilsim.metrics.LatencySummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thread's figures over the measurement window, kept by their registry names
 * ({@link ThreadFigures}): computed by the registry from the thread's recorded metrics after a
 * run, or read back from a saved run. Kept by name rather than in a field each, so that a new
 * figure is one registry entry and nothing here changes. Fractions are of the window's length; a
 * thread that started late or finished early has the rest of its time in none of them.
 *
 * @param numbers every figure that is a number (a count exactly, below 2^53), by name
 * @param distributions every figure that is a distribution, by name
 */
public record ThreadSummary(String process, String thread, Map<String, Double> numbers,
        Map<String, LatencySummary> distributions) {

    public ThreadSummary {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    }

    /** {@code process/thread}, as the tables, sweeps and latency keys name a thread. */
    public String name() {
        return process + "/" + thread;
    }

    /** The figure of that name; a name the registry does not give is a mistake in the caller. */
    public double number(String figure) {
        Double v = numbers.get(figure);
        if (v == null) {
            throw new IllegalArgumentException("thread " + name() + " has no figure '" + figure + "' (figures: "
                    + numbers.keySet() + ")");
        }
        return v;
    }

    public LatencySummary distribution(String figure) {
        LatencySummary l = distributions.get(figure);
        if (l == null) {
            throw new IllegalArgumentException("thread " + name() + " has no distribution '" + figure
                    + "' (distributions: " + distributions.keySet() + ")");
        }
        return l;
    }
}
