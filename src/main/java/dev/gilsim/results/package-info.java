/**
 * A finished run as every output reads it, whatever the output's format: the scenario's name and
 * text, and per variant its parameters, per-thread figures, latency distributions, time series,
 * GIL timeline and requests per endpoint ({@link dev.gilsim.results.RunData},
 * {@link dev.gilsim.results.VariantData}), with how the run was made
 * ({@link dev.gilsim.results.Provenance}). Nothing here knows a file format, a chart library or
 * the console; {@code report}, {@code chart} and {@code output} all read this one model, so a
 * chart drawn after {@code gilsim run} and one redrawn by {@code gilsim chart} from the saved
 * files are built from the same values.
 *
 * <p>{@link dev.gilsim.results.RunFigures} is the one registry of a run's named figures: per kind of
 * subject (the run, processes, threads, loops, endpoints, pools, job queues) each figure's name
 * with its unit, a description, and how to read it ({@link dev.gilsim.results.Figure});
 * {@link dev.gilsim.results.ThreadFigures} holds the threads', each with how it is computed from
 * what the run recorded of the thread and the headings the compact tables show it under, and a
 * {@link dev.gilsim.results.ThreadSummary} keeps a thread's figures by name;
 * {@link dev.gilsim.results.ProcessFigures} and {@link dev.gilsim.results.ProcessSummary} do the
 * same for processes, from their threads' metrics. {@code summary.json}
 * and its read-back, {@code threads.csv}, the console's and report.html's thread tables, sweeps
 * and {@code --fail-if} all iterate it, so a new figure is one entry.
 *
 * <p>A worked example: {@code gilsim run scenarios/sleeper-beside-cpu.yaml} gives one
 * {@link dev.gilsim.run.RunResult}; {@code RunData.of(List.of(result), provenance)} makes a run
 * of one variant, {@code base}, whose threads are {@code app/spinner} and {@code app/sleeper},
 * whose latencies are keyed {@code gil_wait:app/sleeper}, {@code return_delay:app/sleeper}, and
 * whose {@link dev.gilsim.results.RunData#headline headline} keys are those threads' figures,
 * since the scenario has no server (a server's loop lag and endpoint latencies would come first);
 * {@code RunFigures.of(result)} names its figures {@code events}, {@code core_utilisation},
 * {@code processes.app.switches}, ..., {@code threads.app/sleeper.return_delay.p99_ms}.
 *
 * <p>It implements no rule of the model; it only carries what {@code metrics} measured under the
 * rules, after the warm-up, in the units the metrics' names give.
 */
package dev.gilsim.results;
