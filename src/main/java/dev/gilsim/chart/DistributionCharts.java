package dev.gilsim.chart;

import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A latency distribution as a histogram and as a cumulative distribution, variants overlaid.
 * The histogram has 40 to {@value #BINS} equal bins of a round width (1, 2 or 5 times a power of
 * ten) from 0 to the largest p99.9 of any variant (larger values count in the last bin, so a rare
 * 300 ms outlier does not squash the body into one bin);
 * its y axis is the share of samples, so variants with different sample counts compare. The CDF
 * covers every value up to the maximum.
 */
public final class DistributionCharts {
    static final int BINS = 100;

    private DistributionCharts() {
    }

    public static XYChart histogram(RunData run, String key) {
        XYChart chart = chart(key + ": histogram", "milliseconds (bins up to p99.9; larger values in the last bin)",
                "share of samples (%)");
        long top = 1;
        for (VariantData v : run.variants()) {
            var l = RunData.latency(v, key);
            if (l.isPresent()) {
                top = Math.max(top, l.get().recorder().histogram().getValueAtPercentile(99.9));
            }
        }
        double width = roundBinWidth(top / (double) BINS);
        int bins = (int) Math.max(1, Math.min(BINS, Math.ceil(top / width)));
        for (int i = 0; i < run.variants().size(); i++) {
            VariantData v = run.variants().get(i);
            var l = RunData.latency(v, key);
            if (l.isEmpty() || l.get().recorder().count() == 0) {
                continue;
            }
            Histogram h = l.get().recorder().histogram();
            double[] counts = new double[bins];
            for (HistogramIterationValue value : h.recordedValues()) {
                int bin = (int) Math.min(bins - 1, Math.floor(h.medianEquivalentValue(value.getValueIteratedTo()) / width));
                counts[bin] += value.getCountAtValueIteratedTo();
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int b = 0; b < bins; b++) {
                // Each bin drawn flat across its width: a step outline.
                double share = 100.0 * counts[b] / h.getTotalCount();
                xs.add(b * width / 1e6);
                ys.add(share);
                xs.add((b + 1) * width / 1e6);
                ys.add(share);
            }
            add(chart, v.name(), i, xs, ys);
        }
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /**
     * The bin width, in nanoseconds, rounded up to 1, 2 or 5 times a power of ten: the bins then
     * start at round numbers, and so do the axis's ticks, which XChart puts at the bins' edges
     * when they are equally spaced (a width of top/60 labelled them 0.5459967, 1.0919934, ...).
     */
    static double roundBinWidth(double nanos) {
        if (!(nanos > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(nanos)));
        double mantissa = nanos / power;
        double round = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
        return round * power;
    }

    public static XYChart cdf(RunData run, String key) {
        XYChart chart = chart(key + ": cumulative distribution", "milliseconds", "share of samples at or below (%)");
        for (int i = 0; i < run.variants().size(); i++) {
            VariantData v = run.variants().get(i);
            var l = RunData.latency(v, key);
            if (l.isEmpty() || l.get().recorder().count() == 0) {
                continue;
            }
            Histogram h = l.get().recorder().histogram();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            xs.add(0.0);
            ys.add(0.0);
            for (HistogramIterationValue value : h.recordedValues()) {
                double ms = h.highestEquivalentValue(value.getValueIteratedTo()) / 1e6;
                xs.add(ms);
                ys.add(ys.get(ys.size() - 1));
                xs.add(ms);
                ys.add(100.0 * value.getTotalCountToThisValue() / h.getTotalCount());
            }
            add(chart, v.name(), i, xs, ys);
        }
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        ChartStyle.logIfWide(chart, false);
        return chart;
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(x);
        chart.setYAxisTitle(y);
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisMin(0.0);
        return chart;
    }

    private static void add(XYChart chart, String name, int index, List<Double> xs, List<Double> ys) {
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ChartStyle.variant(index));
        s.setLineWidth(1.8f);
    }
}
