package dev.gilsim.output;

import dev.gilsim.chart.ChartFormat;
import dev.gilsim.chart.SweepChart;
import dev.gilsim.output.AtomicFiles;
import dev.gilsim.report.HtmlReport;
import dev.gilsim.scenario.Location;
import dev.gilsim.scenario.Units;
import dev.gilsim.sweep.Interval;
import dev.gilsim.sweep.PointResult;
import dev.gilsim.sweep.SweepInfo;
import dev.gilsim.sweep.SweepMetric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a finished sweep's files: {@code sweep.csv}, {@code sweep.json} and the metric's chart. */
public final class SweepOutputs {

    /** What was written, for the command to print: no chart file, and why, when there is none to draw. */
    public record Written(Path csv, Path json, Path chart, String noChartBecause, Path html) {
    }

    private SweepOutputs() {
    }

    public static Written write(SweepInfo info, List<PointResult> results, Path dir, ChartFormat format,
            Location metricLocation) throws IOException {
        return write(info, results, dir, format, metricLocation, List.of());
    }

    /**
     * The sweep's files: {@code sweep.csv} and {@code sweep.json} with every metric, a chart of the
     * sweep's metric and of each of {@code more} ({@code --metric} given again), and
     * {@code sweep.html} with all of them.
     */
    public static Written write(SweepInfo info, List<PointResult> results, Path dir, ChartFormat format,
            Location metricLocation, List<String> more) throws IOException {
        Path csv = dir.resolve("sweep.csv");
        Path json = dir.resolve("sweep.json");
        SweepFiles.writeCsv(info, results, csv);
        SweepFiles.writeJson(info, results, json);
        Path html = dir.resolve("sweep.html");
        if (info.metric() == null || info.x() == null) {
            String why = "choose a metric with sweep.metric or --metric";
            page(info, results, html, List.of(), why);
            return new Written(csv, json, null, why, html);
        }
        check(info.metric(), results, metricLocation);
        for (String m : more) {
            check(m, results, new Location("--metric", 1, 1));
        }
        List<Charted> charted = new ArrayList<>();
        String why = null;
        Path first = null;
        for (String m : prepend(info.metric(), more)) {
            SweepInfo one = info.withMetric(m);
            SweepChart.Spec spec = chart(one, results);
            if (spec.lines().isEmpty()) {
                // XChart refuses a series without data; a sentence says more than an empty picture.
                if (m.equals(info.metric())) {
                    why = "no point has a value of " + m;
                }
                charted.add(new Charted(m, null));
                continue;
            }
            Path chart = dir.resolve("sweep-" + m.replaceAll("[^A-Za-z0-9._-]+", "_") + "." + format.extension());
            AtomicFiles.write(chart, out -> SweepChart.write(spec, format, out));
            charted.add(new Charted(m, chart));
            if (m.equals(info.metric())) {
                first = chart;
            }
        }
        page(info, results, html, charted, why);
        return new Written(csv, json, first, why, html);
    }

    private record Charted(String metric, Path chart) {
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        rest.stream().filter(m -> !m.equals(first)).forEach(all::add);
        return all;
    }

    /**
     * {@code sweep.html}: what was swept, and per metric its chart and, per point and variant, its
     * mean with the 95% interval over the replications, in fixed point (issue 10).
     */
    static void page(SweepInfo info, List<PointResult> results, Path html, List<Charted> charted, String noChartBecause)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(HtmlReport.esc(info.name())).append(": sweep</h1>\n<p class=\"meta\">From <code>")
                .append(HtmlReport.esc(info.source())).append("</code>: ").append(info.points()).append(" point")
                .append(info.points() == 1 ? "" : "s").append(" over ")
                .append(HtmlReport.esc(String.join(", ", info.dimensions()))).append(", ")
                .append(info.replications()).append(" replication").append(info.replications() == 1 ? "" : "s")
                .append(" each (a seed apiece). <a href=\"sweep.csv\">sweep.csv</a> and <a href=\"sweep.json\">"
                        + "sweep.json</a> hold every metric of every replication.</p>\n");
        if (charted.isEmpty()) {
            b.append("<p class=\"meta\">No chart: ").append(HtmlReport.esc(noChartBecause)).append(".</p>\n");
        }
        for (Charted c : charted) {
            b.append("<h2>").append(HtmlReport.esc(c.metric())).append("</h2>\n");
            if (c.chart() != null) {
                b.append("<figure><img src=\"").append(HtmlReport.esc(c.chart().getFileName().toString()))
                        .append("\" alt=\"").append(HtmlReport.esc(c.metric())).append("\"></figure>\n");
            } else {
                b.append("<p class=\"meta\">No chart: no point has a value of ").append(HtmlReport.esc(c.metric()))
                        .append(".</p>\n");
            }
            b.append("<table>\n<tr>");
            for (String d : info.dimensions()) {
                b.append("<th>").append(HtmlReport.esc(d)).append("</th>");
            }
            b.append("<th>variant</th><th>mean</th><th>95% interval</th><th>replications</th></tr>\n");
            for (PointResult r : results) {
                for (String v : r.variantNames()) {
                    Interval ci = Interval.of(r.values(v, c.metric()));
                    b.append("<tr>");
                    for (String value : r.values()) {
                        b.append("<td class=\"text\">").append(HtmlReport.esc(value)).append("</td>");
                    }
                    b.append("<td class=\"text\">").append(HtmlReport.esc(v)).append("</td><td>")
                            .append(plain(ci.mean(), 4)).append("</td><td>")
                            .append(Double.isNaN(ci.low()) ? "-" : plain(ci.low(), 4) + " to " + plain(ci.high(), 4))
                            .append("</td><td>").append(ci.n()).append("</td></tr>\n");
                }
            }
            b.append("</table>\n");
        }
        AtomicFiles.write(html, out -> out.write(HtmlReport.page(info.name() + " sweep", b.toString())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code x} to {@code digits} significant digits, written without an exponent. */
    public static String plain(double x, int digits) {
        if (!Double.isFinite(x)) {
            return "-";
        }
        if (x == 0) {
            return "0";
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(digits)).stripTrailingZeros()
                .toPlainString();
    }

    static void check(String metric, List<PointResult> results, Location where) {
        PointResult first = results.get(0);
        SweepMetric.check(metric, first.metrics(first.variantNames().get(0)), where);
    }

    /** The metric against the x dimension, one line per combination of the other dimensions and variant. */
    static SweepChart.Spec chart(SweepInfo info, List<PointResult> results) {
        int xi = info.dimensions().indexOf(info.x());
        boolean durations = results.stream().allMatch(r -> isDuration(r.values().get(xi)));
        boolean numbers = durations || results.stream().allMatch(r -> isNumber(r.values().get(xi)));
        boolean manyVariants = results.get(0).variantNames().size() > 1;
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (PointResult r : results) {
            double x = durations ? Units.parseDurationNanos(r.values().get(xi)) / 1e6
                    : numbers ? Double.parseDouble(r.values().get(xi).strip()) : r.point();
            for (String variant : r.variantNames()) {
                List<String> name = new ArrayList<>();
                for (int d = 0; d < info.dimensions().size(); d++) {
                    if (d != xi) {
                        name.add(shortName(info.dimensions().get(d)) + "=" + r.values().get(d));
                    }
                }
                if (manyVariants) {
                    name.add(variant);
                }
                Interval ci = Interval.of(r.values(variant, info.metric()));
                if (ci.n() == 0) {
                    continue;
                }
                lines.computeIfAbsent(name.isEmpty() ? info.metric() : String.join(", ", name), k -> new ArrayList<>())
                        .add(new double[] {x, ci.mean(), ci.halfWidth()});
            }
        }
        List<SweepChart.Line> out = new ArrayList<>();
        List<Double> allX = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : lines.entrySet()) {
            List<double[]> pts = new ArrayList<>(e.getValue());
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
            pts.forEach(p -> allX.add(p[0]));
            out.add(new SweepChart.Line(e.getKey(), xs, pts.stream().mapToDouble(p -> p[1]).toArray(),
                    pts.stream().mapToDouble(p -> p[2]).toArray()));
        }
        boolean logX = numbers && SweepChart.spansDecades(allX.stream().mapToDouble(Double::doubleValue).toArray());
        String xTitle = info.x() + (durations ? " (ms)" : numbers ? "" : " (point)");
        String yTitle = info.metric() + " (mean, 95% CI, n=" + info.replications() + ")";
        return new SweepChart.Spec(info.name(), xTitle, yTitle, logX, out);
    }

    private static String shortName(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static boolean isDuration(String s) {
        try {
            Units.parseDurationNanos(s);
            return !isNumber(s) || s.strip().equals("0");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
