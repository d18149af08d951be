/**
 * One run of one scenario variant: {@link dev.gilsim.run.Simulation} builds the machine,
 * interpreters, servers and observers a {@link dev.gilsim.scenario.Scenario} describes, runs virtual
 * time to the end (in slices when a {@link dev.gilsim.run.Progress} listens), checks the app's
 * invariants and returns a {@link dev.gilsim.run.RunResult}. {@link dev.gilsim.run.Parallel} joins
 * work run on several threads without changing what it computes.
 *
 * <p>A worked example ({@code PackageExamplesTest} runs it): a scenario's text, loaded and run.
 * <pre>{@code
 * Scenario scenario = new ScenarioLoader().load("two-threads.yaml", yaml, List.of()).first();
 * RunResult result = new Simulation(scenario).run();
 * ThreadMetrics first = result.metrics().threads().get(0);
 * double window = result.metrics().window().length();
 * // first.thread().name() == "spinner-1"; first.nanosIn(ThreadState.HOLDING) / window is about 0.5:
 * // two threads share one GIL
 * }</pre>
 */
package dev.gilsim.run;
