package dev.gilsim.results;

/** One line of a run's parameter table: a name as the scenario file spells it, and its value. */
public record Parameter(String name, String value) {
}
