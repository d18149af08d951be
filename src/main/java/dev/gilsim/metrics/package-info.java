/**
 * What a run measures, observed through the interpreter's, loop's and app's observer
 * interfaces: per thread the time in each state, GIL acquisitions, forced drops and requests, the
 * GIL wait and the delay returning from blocking calls; per interpreter and loop; per endpoint
 * and pool; all after the warm-up ({@link dev.gilsim.metrics.Window}).
 *
 * <p>Latencies go into HdrHistogram recorders ({@link dev.gilsim.metrics.LatencyRecorder}) and come
 * out as {@link dev.gilsim.metrics.LatencySummary}s; {@link dev.gilsim.metrics.Summaries} builds
 * the {@link dev.gilsim.metrics.RunSummary} of one run. {@link dev.gilsim.metrics.TimelineRecorder}
 * keeps a bounded window of who did what, for timeline charts and trace files.
 */
package dev.gilsim.metrics;
