package dev.gilsim.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric against a swept parameter: one line per value of another dimension (or variant), each
 * point the mean over replications, with its 95% confidence band drawn dashed in the line's colour. Building the
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

    /** Builds the chart and encodes it into the stream, so whoever writes files needs no XChart type. */
    public static void write(Spec spec, ChartFormat format, OutputStream out) throws IOException {
        format.write(build(spec), out);
    }

    public static XYChart build(String title, String xTitle, String yTitle, boolean logX, List<Line> lines) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setDecimalPattern("#,##0.###");
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendVisible(lines.size() > 1);
        chart.getStyler().setXAxisLogarithmic(logX);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.x().length == 0) {
                continue; // XChart refuses a series without data
            }
            java.awt.Color colour = ChartStyle.variant(i);
            XYSeries s = chart.addSeries(l.name(), l.x(), l.y());
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            band(chart, l, colour, -1);
            band(chart, l, colour, +1);
        }
        return chart;
    }

    /** One edge of the 95% confidence band: a thin dashed line in the series' colour. */
    private static void band(XYChart chart, Line l, java.awt.Color colour, int side) {
        if (java.util.Arrays.stream(l.halfWidth()).allMatch(h -> h == 0)) {
            return;
        }
        double[] y = new double[l.y().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = l.y()[i] + side * l.halfWidth()[i];
        }
        XYSeries edge = chart.addSeries(l.name() + (side < 0 ? " (95% CI low)" : " (95% CI high)"), l.x(), y);
        edge.setMarker(SeriesMarkers.NONE);
        edge.setLineColor(colour);
        edge.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 4f}, 0f));
        edge.setShowInLegend(false);
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
