package dev.gilsim.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts that set real CPython beside gilsim: the two distributions of one experiment overlaid,
 * a figure against the number of CPU-bound threads, and rates as paired bars. Real is always
 * black and simulated always blue, so a reader learns the code once. Axes are logarithmic where
 * the values span decades (lags from 0.1 ms to hundreds).
 */
public final class ValidationCharts {
    private static final Color REAL = Color.BLACK;
    private static final Color SIMULATED = new Color(0x0072B2);

    private ValidationCharts() {
    }

    /** A chart ready to be written: the validation report names the file, this package draws it. */
    @FunctionalInterface
    public interface Drawing {
        void writeTo(java.nio.file.Path file, ChartFormat format) throws java.io.IOException;
    }

    private static Drawing drawing(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        return (file, format) -> {
            try (java.io.OutputStream os = java.nio.file.Files.newOutputStream(file)) {
                format.write(chart, os);
            }
        };
    }

    /** The real and the simulated cumulative distributions, on a log time axis. */
    public static Drawing cdf(String title, String quantity, Histogram real, Histogram simulated) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(quantity + ", milliseconds (log scale)").yAxisTitle("share at or below (%)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        addCdf(chart, "real CPython (" + real.getTotalCount() + " samples)", real, REAL);
        addCdf(chart, "gilsim (" + simulated.getTotalCount() + " samples)", simulated, SIMULATED);
        return drawing(chart);
    }

    private static void addCdf(XYChart chart, String name, Histogram h, Color color) {
        if (h.getTotalCount() == 0) {
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            xs.add(Math.max(0.001, h.highestEquivalentValue(v.getValueIteratedTo()) / 1e6));
            ys.add(v.getPercentile());
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(2f));
    }

    /**
     * A figure against a parameter (the number of CPU-bound threads): the real median with its
     * spread over repetitions (dashed), and the simulated median.
     */
    public static Drawing versus(String title, String xTitle, String yTitle, List<Double> x, List<Double> realMedian,
            List<Double> realLow, List<Double> realHigh, List<Double> simMedian) {
        // Log only when the values span a decade or more: XChart labels a log axis at powers of ten,
        // so a narrower span would show no labels at all.
        boolean log = spansADecade(realMedian, realLow, realHigh, simMedian);
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle + (log ? " (log scale)" : "")).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(log);
        if (!log) {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        if (x.stream().allMatch(v -> v == Math.rint(v))) {
            // Counts (of threads): over a short range XChart puts ticks at 1.2, 1.4...; label whole ones only.
            chart.setCustomXAxisTickLabelsFormatter(v -> v == Math.rint(v) ? Long.toString(Math.round(v)) : "");
        }
        XYSeries real = chart.addSeries("real CPython, median of the repetitions", x, floor(realMedian));
        real.setLineColor(REAL);
        real.setMarkerColor(REAL);
        real.setMarker(SeriesMarkers.CIRCLE);
        // The spread as two thin lines: XChart's error bars are symmetric and cannot cross zero on
        // a log axis, and the real spread is rarely symmetric.
        for (String edge : new String[] {"min", "max"}) {
            XYSeries s = chart.addSeries("real CPython, " + edge, x, floor(edge.equals("min") ? realLow : realHigh));
            s.setLineColor(Color.GRAY);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        }
        XYSeries sim = chart.addSeries("gilsim: median over seeds", x, floor(simMedian));
        sim.setLineColor(SIMULATED);
        sim.setMarkerColor(SIMULATED);
        sim.setMarker(SeriesMarkers.DIAMOND);
        return drawing(chart);
    }

    /** Real and simulated rates side by side per configuration (dots), on a log axis. */
    public static Drawing bars(String title, String yTitle, List<String> categories, List<Double> real,
            List<Double> simulated) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).yAxisTitle(yTitle + " (log scale)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisLogarithmic(true);
        // Dots, not bars: a bar on a log axis has no bottom to start from.
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(12);
        chart.getStyler().setSeriesColors(new Color[] {REAL, SIMULATED});
        chart.getStyler().setLocale(java.util.Locale.ROOT);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.addSeries("real CPython (median)", categories, floor(real));
        chart.addSeries("gilsim (median)", categories, floor(simulated));
        return drawing(chart);
    }

    @SafeVarargs
    private static boolean spansADecade(List<Double>... lists) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (List<Double> l : lists) {
            for (Double v : l) {
                if (v != null && v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > 0 && hi / lo >= 10;
    }

    /** Log axes cannot show 0 or NaN: such values sit at a floor far below the data. */
    private static List<Double> floor(List<Double> values) {
        List<Double> out = new ArrayList<>();
        for (Double v : values) {
            out.add(v == null || !(v > 0) ? 1e-3 : v);
        }
        return out;
    }
}
