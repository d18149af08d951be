/**
 * Scenario files: the only package that reads YAML. It turns a file (with the defaults of
 * {@code defaults.yaml}, a machine profile, {@code --set} overrides and variants laid over it) into
 * checked {@link dev.gilsim.scenario.Scenario}s, and a sweep section into a
 * {@link dev.gilsim.scenario.SweepPlan}.
 *
 * <p>The tree of located nodes ({@link dev.gilsim.scenario.MapNode}, {@link dev.gilsim.scenario.ListNode},
 * {@link dev.gilsim.scenario.ScalarNode}) keeps where each key and value was written, so every
 * mistake becomes one {@link dev.gilsim.scenario.InputException} naming the file, line, column and
 * field, with a suggestion ({@link dev.gilsim.scenario.Suggest}). {@link dev.gilsim.scenario.MapReader}
 * binds one mapping and rejects the fields nobody asked for; {@link dev.gilsim.scenario.Units} parses
 * durations and rates. {@link dev.gilsim.scenario.ScenarioLoader} is the entry point, with the
 * thread budget.
 */
package dev.gilsim.scenario;
