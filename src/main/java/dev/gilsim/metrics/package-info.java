/**
 * What a run measures, observed through the interpreter's, loop's and app's observer
 * interfaces: per thread the time in each state, GIL acquisitions, forced drops and requests, the
 * GIL wait and the delay returning from blocking calls; per interpreter and loop; per endpoint
 * and pool; all after the warm-up ({@link dev.gilsim.metrics.Window}).
 *
 * <p>Latencies go into HdrHistogram recorders ({@link dev.gilsim.metrics.LatencyRecorder}) and come
 * out as {@link dev.gilsim.metrics.LatencySummary}s; {@link dev.gilsim.metrics.Summaries} builds
 * the {@link dev.gilsim.metrics.RunSummary} of one run, its processes and servers; a thread's
 * figures are computed from its {@link dev.gilsim.metrics.ThreadMetrics} by the registry above
 * ({@code results.ThreadFigures}). {@link dev.gilsim.metrics.GilEventLog} keeps, on request, every
 * GIL event of the measured window for {@code gil-events.csv}. {@link dev.gilsim.metrics.TimelineRecorder}
 * keeps a bounded window of who did what, for timeline charts and trace files.
 *
 * <p>A worked example: in the two-thread scenario of the {@code run} package's overview, each
 * thread's summary ({@code results.ThreadSummary}) shows it held the GIL about half the measured
 * time and waited for it the other half (50.1 % and 49.9 % with the default seed); its GIL wait
 * p50 is one switch interval and the wake-up after it (5.13 ms); it took the GIL about 100 times a
 * second, every other hand-off, each forced by the other thread's drop request.
 */
package dev.gilsim.metrics;
