package dev.gilsim.chart;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart built from a run's data, not yet written: {@code file} is its file name without
 * extension, {@code section} the part of the report it belongs to.
 */
public record NamedChart(String file, String section, String title, Chart<?, ?> chart) {
}
