/**
 * Parameter sweeps: every point of a {@link dev.gilsim.scenario.SweepPlan} run with its
 * replications in parallel ({@link dev.gilsim.sweep.SweepRunner}), each point's metrics saved as
 * soon as it finishes so that an interrupted sweep resumes where it stopped
 * ({@link dev.gilsim.sweep.PointStore}), shards run on several machines and merged
 * ({@link dev.gilsim.sweep.Shard}), and the results written as {@code sweep.csv}, {@code sweep.json}
 * and a chart with confidence intervals ({@link dev.gilsim.sweep.Interval}). Metrics are named by
 * dotted paths into a variant of {@code summary.json} ({@link dev.gilsim.sweep.MetricPaths}).
 */
package dev.gilsim.sweep;
