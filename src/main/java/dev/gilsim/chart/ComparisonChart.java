package dev.gilsim.chart;

import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** One latency key across variants: bars of p50, p99 and max per variant, in milliseconds. */
public final class ComparisonChart {
    static final List<String> SERIES = List.of("p50", "p99", "max");
    private static final Color[] COLOURS = {new Color(0x56B4E9), new Color(0xE69F00), new Color(0xD55E00)};

    private ComparisonChart() {
    }

    public static CategoryChart of(RunData run, String key) {
        List<String> variants = new ArrayList<>();
        List<LatencySummary> summaries = new ArrayList<>();
        for (VariantData v : run.variants()) {
            var l = RunData.latency(v, key);
            if (l.isPresent()) {
                variants.add(v.name());
                summaries.add(l.get().recorder().summary());
            }
        }
        CategoryChart chart = new CategoryChart(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        chart.setTitle(key + ": p50, p99 and max by variant");
        chart.setXAxisTitle("variant");
        chart.setYAxisTitle("milliseconds");
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisLabelRotation(variants.size() > 5 ? 30 : 0);
        if (variants.isEmpty()) {
            return chart; // no series: XChart refuses a series without data
        }
        for (int i = 0; i < SERIES.size(); i++) {
            int which = i;
            List<Double> ys = summaries.stream().map(s -> which == 0 ? s.p50Ms() : which == 1 ? s.p99Ms() : s.maxMs())
                    .toList();
            CategorySeries s = chart.addSeries(SERIES.get(i), variants, ys);
            s.setFillColor(COLOURS[i]);
        }
        return chart;
    }
}
