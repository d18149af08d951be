/**
 * What a run leaves on disk and on the console, from {@link dev.gilsim.run.RunResult}s:
 * {@code summary.json} ({@link dev.gilsim.report.SummaryJson}), the CSV files, {@code trace.json}
 * for Perfetto, {@code chart-data.json}, {@code report.html} and the console tables, with the run's
 * provenance (command line, version, scenario text).
 *
 * <p>{@link dev.gilsim.report.AtomicFiles} writes every file whole (a temporary file, then a
 * rename); {@link dev.gilsim.report.RunFolder} stages a run's folder beside its target, renames it
 * into place whole, and locks it against a second run. {@link dev.gilsim.results.RunData} is the
 * chart-neutral view of a finished run, also read back from a saved one.
 */
package dev.gilsim.report;
