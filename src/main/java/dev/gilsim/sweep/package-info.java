/**
 * Parameter sweeps: every point of a {@link dev.gilsim.scenario.SweepPlan} run with its
 * replications in parallel ({@link dev.gilsim.sweep.SweepRunner}), each point handed to a
 * {@link dev.gilsim.sweep.Points} store as soon as it finishes so that an interrupted sweep resumes
 * where it stopped, shards run on several machines ({@link dev.gilsim.sweep.Shard}), and the mean
 * of each metric over the replications with its 95% confidence interval
 * ({@link dev.gilsim.sweep.Interval}). A run's metrics are the registry's named figures
 * ({@link dev.gilsim.results.RunFigures}: {@code threads.app/sleeper.return_delay.p99_ms}, the
 * dotted path of the same figure in {@code summary.json}). The engine knows no chart and no file
 * format: where points are kept comes in as {@link dev.gilsim.sweep.Points}, and {@code output}
 * writes the sweep's files.
 *
 * <p>A worked example: {@code scenarios/switch-interval-sweep.yaml} has 9 points (switch intervals
 * 100 us to 50 ms) and 3 replications; replication 0 of every point runs with the scenario's own
 * seed, replication k with a seed derived from it, the same at every point (common random numbers),
 * so the 27 runs give the same numbers with 1 job or 8, in any order.
 *
 * <p>It implements no rule of the model; each run is a plain {@link dev.gilsim.run.Simulation}.
 */
package dev.gilsim.sweep;
