package dev.gilsim.chart;

import dev.gilsim.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric against a swept parameter: one line per value of another dimension (or variant), each
 * point the mean over replications with its 95% confidence interval as an error bar. Building the
 * chart is a pure function of the data; writing it is separate.
 */
public final class SweepChart {

    /** One line: its name, the x values, the means, and the half-widths of their intervals. */
    public record Line(String name, double[] x, double[] y, double[] halfWidth) {
    }

    /** Everything the chart shows; {@link #build} turns it into an XChart chart. */
    public record Spec(String title, String xTitle, String yTitle, boolean logX, List<Line> lines) {
    }

    private SweepChart() {
    }

    public static XYChart build(Spec spec) {
        return build(spec.title(), spec.xTitle(), spec.yTitle(), spec.logX(), spec.lines());
    }

    /** Writes the chart atomically (never half a picture). */
    public static void write(Spec spec, Path file, ChartFormat format) throws IOException {
        XYChart chart = build(spec);
        AtomicFiles.write(file, out -> format.write(chart, out));
    }

    public static XYChart build(String title, String xTitle, String yTitle, boolean logX, List<Line> lines) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendVisible(lines.size() > 1);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setDecimalPattern("#,##0.###");
        for (Line l : lines) {
            XYSeries s = chart.addSeries(l.name(), l.x(), l.y(), l.halfWidth());
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Log scale when every x is positive and they span two decades or more. */
    public static boolean spansDecades(double[] xs) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double x : xs) {
            if (x <= 0) {
                return false;
            }
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return xs.length > 1 && max / min >= 100;
    }

}
