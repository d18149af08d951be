/**
 * The formats a run is written in, each a writer into a stream (and a reader where a saved run is
 * read back): {@code summary.json} ({@link dev.gilsim.report.SummaryJson}, the run's one document,
 * which {@link dev.gilsim.report.SavedRun} reads back for {@code gilsim chart}), {@code threads.csv},
 * {@code percentiles.csv}, {@code trace.json} for Perfetto, {@code report.html}, the console
 * tables and {@code gil-events.csv} ({@link dev.gilsim.report.GilEventsCsv}, on request). Where the files go, and in which order, is
 * {@code output}'s business; what they show comes from {@link dev.gilsim.run.RunResult}s and the
 * chart-neutral {@link dev.gilsim.results.RunData}.
 *
 * <p>A worked example: {@code SummaryJson.write(results, provenance, out)} prints one object per
 * variant with every figure under a name that carries its unit ({@code held_fraction},
 * {@code p99_ms}), rounded to six decimals, so equal runs give byte-identical files;
 * {@link dev.gilsim.report.MetricPaths} names each of its numbers by a dotted path
 * ({@code threads.app/sleeper.return_delay.p99_ms}), which is how sweeps, {@code diff} and
 * {@code --fail-if} address them.
 *
 * <p>It implements no rule of the model; the report's opening ({@code Verdict}) only compares the
 * variants' headline figures and names the endpoints that fell behind.
 */
package dev.gilsim.report;
