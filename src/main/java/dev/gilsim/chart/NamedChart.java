package dev.gilsim.chart;

import java.io.IOException;
import java.io.OutputStream;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart built from a run's data, not yet written: {@code file} is its file name without
 * extension, {@code section} the part of the report it belongs to. A chart with nothing to draw
 * (a run without threads, a latency with no sample) has no {@code chart} and says why in
 * {@code notDrawnBecause}: XChart refuses a series without data, and an empty picture would
 * tell the reader less than a sentence.
 */
public record NamedChart(String file, String section, String title, Chart<?, ?> chart, String notDrawnBecause) {
    public NamedChart {
        if ((chart == null) == (notDrawnBecause == null)) {
            throw new IllegalArgumentException("a chart is either drawn or has a reason not to be: " + file);
        }
    }

    /** The chart, or, when it has no series, the reason given. */
    static NamedChart of(String file, String section, String title, Chart<?, ?> chart, String whyEmpty) {
        return chart.getSeriesMap().isEmpty() ? new NamedChart(file, section, title, null, whyEmpty)
                : new NamedChart(file, section, title, chart, null);
    }

    public boolean drawn() {
        return chart != null;
    }

    /** Encodes the drawn chart into the stream, so whoever writes files needs no XChart type. */
    public void write(ChartFormat format, OutputStream out) throws IOException {
        if (chart == null) {
            throw new IllegalStateException(file + " is not drawn: " + notDrawnBecause);
        }
        format.write(chart, out);
    }
}
