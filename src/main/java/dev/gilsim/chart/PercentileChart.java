package dev.gilsim.chart;

import dev.gilsim.results.PercentileTable;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A latency distribution by percentile, as HdrHistogram plots it: the x axis is logarithmic in
 * 1/(1-p), so 90%, 99%, 99.9% and 99.99% are equally spaced (1/(1-p) = 10, 100, 1,000, 10,000)
 * and the tail gets as much room as the body; y is the latency in milliseconds. One line per
 * variant, through the rows of {@link PercentileTable} (the last, infinite 1/(1-p) row left out).
 *
 * <p>The data's x is log10(1/(1-p)) on a linear axis, labelled with the percentile at each whole
 * decade: XChart's own logarithmic axis cannot take custom tick labels (its label callback
 * ignores the log scale), and the picture is the same.
 */
public final class PercentileChart {
    /** The axis always reaches 99.99%: log10(1/(1-0.9999)) = 4. */
    static final double MIN_X_MAX = 4;

    private PercentileChart() {
    }

    public static XYChart of(RunData run, String key) {
        XYChart chart = new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        chart.setTitle(key + ": latency by percentile");
        chart.setXAxisTitle("percentile");
        chart.setYAxisTitle("milliseconds");
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setxAxisTickLabelsFormattingFunction(PercentileChart::label);
        chart.getStyler().setYAxisMin(0.0);
        double xMax = MIN_X_MAX;
        for (int i = 0; i < run.variants().size(); i++) {
            VariantData v = run.variants().get(i);
            var latency = RunData.latency(v, key);
            if (latency.isEmpty()) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (PercentileTable.Row r : PercentileTable.rows(latency.get().recorder().histogram())) {
                if (r.fraction() < 1.0) {
                    xs.add(x(r.fraction()));
                    ys.add(r.valueNanos() / 1e6);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            xMax = Math.max(xMax, xs.get(xs.size() - 1));
            XYSeries s = chart.addSeries(v.name(), xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.variant(i));
            s.setLineWidth(2f);
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(Math.ceil(xMax - 1e-9));
        ChartStyle.logIfWide(chart, true);
        return chart;
    }

    /** Where percentile {@code fraction} (0 to 1, below 1) sits: log10(1/(1-p)). */
    public static double x(double fraction) {
        return Math.log10(1.0 / (1.0 - fraction));
    }

    /**
     * The tick label at {@code x} = log10(1/(1-p)): 0 is "0%", 1 "90%", 2 "99%", 3 "99.9%" and so
     * on; ticks between whole decades get no label.
     */
    static String label(double decade) {
        long k = Math.round(decade);
        if (Math.abs(decade - k) > 1e-6 || k < 0) {
            return "";
        }
        if (k == 0) {
            return "0%";
        }
        if (k == 1) {
            return "90%";
        }
        return "99" + (k == 2 ? "" : "." + "9".repeat((int) k - 2)) + "%";
    }
}
