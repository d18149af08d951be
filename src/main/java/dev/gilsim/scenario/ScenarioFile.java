package dev.gilsim.scenario;

import java.util.List;

/**
 * A loaded scenario file: one {@link Scenario} per variant, in the order the file lists them.
 *
 * @param text the file as written, so that what a run writes can say what was simulated
 */
public record ScenarioFile(String name, String source, String text, List<Scenario> variants) {
    public ScenarioFile {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("no variants");
        }
    }

    public Scenario first() {
        return variants.get(0);
    }
}
