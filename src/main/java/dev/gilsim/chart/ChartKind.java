package dev.gilsim.chart;

import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every kind of chart a run gets, in report order; each builds its charts from the run's data
 * alone. Adding a kind is adding one constant. A chart left with nothing to draw is kept, not
 * drawn, with the reason, so the report can say why it is missing.
 */
public enum ChartKind {
    TIMELINE(ChartKind::timelines),
    GIL_SHARE(ChartKind::gilShares),
    PERCENTILES(run -> perKey(run, "percentiles", "latency by percentile", PercentileChart::of)),
    COMPARISON(run -> run.variants().size() < 2 ? List.of()
            : perKey(run, "comparison", "p50, p99 and max by variant", ComparisonChart::of)),
    HISTOGRAM(run -> perKey(run, "histogram", "histogram", DistributionCharts::histogram)),
    CDF(run -> perKey(run, "cdf", "cumulative distribution", DistributionCharts::cdf)),
    SERIES(ChartKind::series);

    interface KeyChart {
        org.knowm.xchart.internal.chartpart.Chart<?, ?> build(RunData run, String key);
    }

    private final Function<RunData, List<NamedChart>> build;

    ChartKind(Function<RunData, List<NamedChart>> build) {
        this.build = build;
    }

    public List<NamedChart> build(RunData run) {
        return build.apply(run);
    }

    /** Every chart of every kind, in report order; file names are unique. */
    public static List<NamedChart> all(RunData run) {
        List<NamedChart> out = new ArrayList<>();
        for (ChartKind k : values()) {
            out.addAll(k.build(run));
        }
        return out;
    }

    private static List<NamedChart> perKey(RunData run, String prefix, String what, KeyChart chart) {
        List<NamedChart> out = new ArrayList<>();
        for (String key : run.headlineLatencies()) {
            out.add(NamedChart.of(unique(out, prefix + "-" + ChartStyle.fileStem(key)), key, key + ": " + what,
                    chart.build(run, key), "no variant recorded a sample of " + key));
        }
        return out;
    }

    private static List<NamedChart> timelines(RunData run) {
        List<NamedChart> out = new ArrayList<>();
        for (VariantData v : run.variants()) {
            String file = unique(out, "timeline-" + ChartStyle.fileStem(v.name()));
            String title = "GIL timeline, " + v.name();
            if (v.timeline().lanes().isEmpty() || v.timeline().length() <= 0) {
                out.add(new NamedChart(file, "GIL timeline", title, null, "variant " + v.name()
                        + " has no thread, or its timeline window is empty"));
            } else {
                out.add(NamedChart.of(file, "GIL timeline", title, TimelineChart.of(v),
                        "variant " + v.name() + " recorded nothing in its timeline window"));
            }
        }
        return out;
    }

    /** One GIL-share chart per variant (small multiples); {@code gil-share} alone for one variant. */
    private static List<NamedChart> gilShares(RunData run) {
        List<NamedChart> out = new ArrayList<>();
        boolean one = run.variants().size() == 1;
        for (VariantData v : run.variants()) {
            String file = unique(out, one ? "gil-share" : "gil-share-" + ChartStyle.fileStem(v.name()));
            out.add(NamedChart.of(file, "GIL share", one ? "Where each thread's time went"
                    : v.name() + ": where each thread's time went",
                    GilShareChart.of(run, v), "variant " + v.name() + " has no thread"));
        }
        return out;
    }

    private static List<NamedChart> series(RunData run) {
        List<NamedChart> out = new ArrayList<>();
        for (String key : RunData.headlineSeries(run.seriesKeys())) {
            out.add(NamedChart.of(unique(out, "series-" + ChartStyle.fileStem(key)), "Over time",
                    key + " over time", SeriesChart.of(run, key), "no variant recorded a sample of " + key));
        }
        return out;
    }

    /** Keys that differ only in characters a file name cannot hold get a numeric suffix. */
    private static String unique(List<NamedChart> so, String stem) {
        String name = stem;
        for (int n = 2; contains(so, name); n++) {
            name = stem + "-" + n;
        }
        return name;
    }

    private static boolean contains(List<NamedChart> charts, String file) {
        return charts.stream().anyMatch(c -> c.file().equals(file));
    }
}
