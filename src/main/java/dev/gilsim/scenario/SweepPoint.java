package dev.gilsim.scenario;

import java.util.List;

/**
 * One point of a sweep: its number, its value for each swept field (as written in the scenario),
 * and the scenario with those values applied (every variant).
 */
public record SweepPoint(int index, List<String> values, ScenarioFile file) {
    public SweepPoint {
        values = List.copyOf(values);
    }
}
