package dev.gilsim.results;

import java.util.List;

/**
 * What was simulated, beyond the figures: the gilsim version, the command line's overrides and the
 * scenario file as written, so that summary.json and report.html can be rerun and trusted.
 *
 * @param sets the {@code --set} assignments, in the order given
 * @param seed {@code --seed}, null when the scenario's own seed was used
 */
public record Provenance(String gilsimVersion, List<String> sets, Long seed, String scenarioText) {
    public Provenance {
        sets = List.copyOf(sets);
    }

    /** The version the jar's manifest names, or {@code development} when run from classes. */
    public static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    public static Provenance of(List<String> sets, Long seed, String scenarioText) {
        return new Provenance(version(), sets, seed, scenarioText);
    }
}
