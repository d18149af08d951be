package dev.gilsim.sweep;

import dev.gilsim.scenario.InputException;
import dev.gilsim.scenario.Location;
import dev.gilsim.scenario.Suggest;
import java.util.Collection;

/** The metric a sweep charts, checked against the names its runs report before anything is written. */
public final class SweepMetric {
    private SweepMetric() {
    }

    /** A located error, with the closest name, when no run reports {@code metric}. */
    public static void check(String metric, Collection<String> metrics, Location where) {
        if (!metrics.contains(metric)) {
            String close = Suggest.closest(metric, metrics).map(c -> " (did you mean '" + c + "'?)").orElse("");
            throw new InputException(where, "sweep.metric", "no run reports " + InputException.quote(metric) + close,
                    close.isEmpty() ? "a dotted path into a variant of summary.json, e.g. core_utilisation" : null);
        }
    }
}
