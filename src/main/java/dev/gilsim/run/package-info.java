/**
 * One run of one scenario variant: {@link dev.gilsim.run.Simulation} builds the machine,
 * interpreters, servers and observers a {@link dev.gilsim.scenario.Scenario} describes, runs virtual
 * time to the end (in slices when a {@link dev.gilsim.run.Progress} listens), checks the app's
 * invariants and returns a {@link dev.gilsim.run.RunResult}. {@link dev.gilsim.run.Parallel} joins
 * work run on several threads without changing what it computes.
 */
package dev.gilsim.run;
