package dev.gilsim.results;

import dev.gilsim.metrics.LatencySummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One process's figures over the measurement window, kept by their registry names
 * ({@link ProcessFigures}), as a thread's are in {@link ThreadSummary}: a new figure is one
 * registry entry and nothing here changes.
 *
 * @param build {@code gil} or {@code free-threaded}
 * @param numbers every figure that is a number, by name
 * @param distributions every figure that is a distribution, by name
 */
public record ProcessSummary(String process, String build, Map<String, Double> numbers,
        Map<String, LatencySummary> distributions) {

    public ProcessSummary {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    }

    /** The figure of that name; a name the registry does not give is a mistake in the caller. */
    public double number(String figure) {
        Double v = numbers.get(figure);
        if (v == null) {
            throw new IllegalArgumentException("process " + process + " has no figure '" + figure + "' (figures: "
                    + numbers.keySet() + ")");
        }
        return v;
    }

    public LatencySummary distribution(String figure) {
        LatencySummary l = distributions.get(figure);
        if (l == null) {
            throw new IllegalArgumentException("process " + process + " has no distribution '" + figure
                    + "' (distributions: " + distributions.keySet() + ")");
        }
        return l;
    }
}
