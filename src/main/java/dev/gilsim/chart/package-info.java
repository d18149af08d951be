/**
 * Charts: the only package that uses XChart. Percentile, CDF, histogram, comparison, time series,
 * GIL share and GIL timeline charts of a run, the sweep chart, and the validation charts, all in
 * one style ({@code ChartStyle}: colour-blind-safe colours, the DejaVu Sans font shipped in the
 * jar) and written as PNG or SVG by {@link dev.gilsim.chart.OutputFolder}. A chart with nothing to
 * draw is left out with a sentence saying why.
 */
package dev.gilsim.chart;
