package dev.gilsim.chart;

import dev.gilsim.metrics.NamedSeries;
import dev.gilsim.metrics.TimeSeries;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A quantity over virtual time (loop lag, a thread's return delays, a queue's length): one line
 * per variant through its samples; nanoseconds are shown as milliseconds.
 */
public final class SeriesChart {
    private SeriesChart() {
    }

    /** A chart with no series when no variant has a sample of {@code key}. */
    public static XYChart of(RunData run, String key) {
        XYChart chart = new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        chart.setTitle(key + " over time");
        chart.setXAxisTitle("virtual time (s)");
        ChartStyle.apply(chart.getStyler());
        for (int i = 0; i < run.variants().size(); i++) {
            VariantData v = run.variants().get(i);
            var named = RunData.series(v, key);
            if (named.isEmpty() || named.get().series().isEmpty()) {
                continue;
            }
            TimeSeries ts = named.get().series();
            double scale = ts.unit() == TimeSeries.Unit.NANOSECONDS ? 1e-6 : 1;
            chart.setYAxisTitle(yTitle(named.get()));
            long[] times = ts.times();
            long[] values = ts.values();
            double[] xs = new double[times.length];
            double[] ys = new double[times.length];
            for (int p = 0; p < times.length; p++) {
                xs[p] = times[p] / 1e9;
                ys[p] = values[p] * scale;
            }
            // Tens of thousands of samples draw as slowly as they look the same as a few thousand.
            List<List<Double>> line = LineDecimation.of(xs, ys, LineDecimation.COLUMNS);
            XYSeries s = chart.addSeries(v.name(), line.get(0), line.get(1));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.variant(i));
            s.setLineWidth(1.2f);
        }
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.logIfWide(chart, true);
        return chart;
    }

    static String yTitle(NamedSeries s) {
        return ChartStyle.words(s.metric()) + (s.series().unit() == TimeSeries.Unit.NANOSECONDS ? " (ms)" : "");
    }
}
