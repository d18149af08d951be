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
 *
 * <p>A worked example ({@code PackageExamplesTest} loads and runs it): two CPU-bound threads in
 * one process for one simulated second; everything not written comes from {@code defaults.yaml}
 * (2 cores, CPython 3.12, a 5 ms switch interval). Writing {@code cpu: forevr} instead fails with
 * one located line, and exit code 2 at the command line: {@code two-threads.yaml:6:49:
 * processes[0].threads[0].steps[0].cpu: 'forevr' is not a duration (expected e.g. 5ms, 250us, 1.5s)}.
 * <pre>{@code
 * name: two-threads
 * duration: 1s
 * processes:
 *   - name: app
 *     threads:
 *       - {name: spinner, count: 2, steps: [{cpu: forever}]}
 * }</pre>
 */
package dev.gilsim.scenario;
