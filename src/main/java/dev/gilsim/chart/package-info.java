/**
 * Charts: the only package that uses XChart. It builds chart objects from data and nothing else:
 * percentile, CDF, histogram, comparison, time series, GIL share and GIL timeline charts of a run
 * (from {@link dev.gilsim.results.RunData}, every kind listed once in
 * {@link dev.gilsim.chart.ChartKind}), the sweep chart (from a {@link dev.gilsim.chart.SweepChart.Spec}),
 * and the validation charts, all in one style ({@code ChartStyle}: colour-blind-safe colours, the
 * DejaVu Sans font shipped in the jar). {@link dev.gilsim.chart.ChartFormat} encodes a chart as
 * PNG or SVG into a stream; where the bytes go is {@code output}'s business. A chart with nothing
 * to draw is returned not drawn, with a sentence saying why.
 *
 * <p>A worked example: for a run of {@code scenarios/sleeper-beside-cpu.yaml}, {@code ChartKind.all(run)}
 * gives a GIL timeline, one GIL-share chart, for each of its three latency keys
 * ({@code gil_wait:app/spinner}, {@code gil_wait:app/sleeper}, {@code return_delay:app/sleeper}) a
 * percentile chart, a histogram and a CDF, and the sleeper's return delay over time; no comparison
 * chart, since there is one variant.
 *
 * <p>It implements no rule of the model; the timeline draws the thread states the interpreter
 * recorded (G1 to G9 of {@code docs/model.md}) as they were.
 */
package dev.gilsim.chart;
