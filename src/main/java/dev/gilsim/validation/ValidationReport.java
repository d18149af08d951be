package dev.gilsim.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gilsim.chart.ChartFormat;
import dev.gilsim.chart.ValidationCharts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a validation: the table on the console, and a folder with {@code validation.json},
 * {@code validation.csv}, charts and {@code report.html}. The folder is built beside its final
 * place and renamed into it, so it is never half-written.
 */
public final class ValidationReport {
    private final Validation v;

    public ValidationReport(Validation v) {
        this.v = v;
    }

    /** The score lines, then one row per figure. */
    public void printTable(PrintWriter w, boolean everyFigure) {
        for (String version : v.versions()) {
            List<FigureComparison> fs = v.figures(version);
            w.printf(Locale.ROOT, "CPython %s: %d of %d figures in band (%.0f%%), geometric mean ratio %.2f%n",
                    version, fs.stream().filter(FigureComparison::inBand).count(), fs.size(),
                    100 * Validation.score(fs), Validation.geometricMeanRatio(fs));
        }
        w.printf(Locale.ROOT, "all versions: %.0f%% in band, geometric mean ratio %.2f (%d seeds; %d disturbed runs left out)%n",
                100 * v.score(), v.geometricMeanRatio(), v.seeds(), v.disturbedRuns());
        List<FigureComparison> sensitive = v.seedSensitive();
        w.printf(Locale.ROOT, "%d of %d figures vary more between seeds than between real runs (by more than 15%%)%s%n",
                sensitive.size(), v.figures().size(), sensitive.isEmpty() ? "" : "; most: " + mostSensitive(sensitive, 3));
        if (!everyFigure) {
            return;
        }
        w.println();
        w.printf(Locale.ROOT, "%-8s %-24s %-22s %28s %22s  %-11s%n", "python", "experiment", "figure",
                "real median [min-max]", "gilsim median", "verdict");
        for (FigureComparison f : v.figures()) {
            w.printf(Locale.ROOT, "%-8s %-24s %-22s %28s %22s  %-11s%n", f.version(), f.experiment(), f.figure(),
                    fmt(f.realMedian()) + " [" + fmt(f.realMin()) + "-" + fmt(f.realMax()) + "]",
                    fmt(f.simMedian()) + " " + f.unit(), f.verdict());
        }
    }

    private static String mostSensitive(List<FigureComparison> fs, int n) {
        StringBuilder b = new StringBuilder();
        for (FigureComparison f : fs.subList(0, Math.min(n, fs.size()))) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %s %s (%.1fx)", f.version(),
                    f.experiment(), f.figure(), f.seedSpreadExcess()));
        }
        return b.toString();
    }

    /** Writes the folder; {@code chartVersion} selects whose distributions get CDF charts. */
    public void write(Path out, ChartFormat format, String chartVersion) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + "-");
        Path charts = Files.createDirectories(tmp.resolve("charts"));
        Files.writeString(tmp.resolve("validation.csv"), csv(), StandardCharsets.UTF_8);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(tmp.resolve("validation.json").toFile(), json());
        List<String[]> images = new ArrayList<>();
        for (String version : v.versions()) {
            for (var e : versusCharts(version).entrySet()) {
                images.add(new String[] {version, save(charts, e.getKey(), e.getValue(), format)});
            }
            ValidationCharts.Drawing rates = rateBars(version);
            if (rates != null) {
                images.add(new String[] {version, save(charts, "rates-" + version, rates, format)});
            }
        }
        for (Validation.Distributions d : v.distributions().values()) {
            if (d.version().equals(chartVersion)) {
                String title = "CPython " + d.version() + ", " + d.experiment() + ": " + d.label();
                images.add(new String[] {"distributions " + d.version(), save(charts,
                        "cdf-" + d.version() + "-" + d.experiment(),
                        ValidationCharts.cdf(title, d.label(), d.real().histogram(), d.simulated().histogram()),
                        format)});
            }
        }
        Files.writeString(tmp.resolve("report.html"), html(images), StandardCharsets.UTF_8);
        if (Files.exists(out)) {
            deleteTree(out);
        }
        Files.move(tmp, out);
    }

    private static String save(Path dir, String stem, ValidationCharts.Drawing chart, ChartFormat format)
            throws IOException {
        String name = stem.replaceAll("[^A-Za-z0-9._-]+", "-") + "." + format.extension();
        chart.writeTo(dir.resolve(name), format);
        return "charts/" + name;
    }

    /**
     * Per version: for each family of experiments that varies the number of CPU-bound threads, the
     * headline figures against that number.
     */
    private Map<String, ValidationCharts.Drawing> versusCharts(String version) {
        Map<String, ValidationCharts.Drawing> out = new LinkedHashMap<>();
        Map<String, List<FigureComparison>> families = new LinkedHashMap<>();
        for (FigureComparison f : v.figures(version)) {
            int cut = f.experiment().lastIndexOf('-');
            String suffix = f.experiment().substring(cut + 1);
            if (cut < 0 || !suffix.endsWith("cpu")) {
                continue;
            }
            families.computeIfAbsent(f.experiment().substring(0, cut) + "|" + f.figure(), k -> new ArrayList<>()).add(f);
        }
        for (var e : families.entrySet()) {
            List<FigureComparison> fs = new ArrayList<>(e.getValue());
            String figure = fs.get(0).figure();
            if (fs.size() < 2 || !(figure.endsWith("p50") || figure.endsWith("p99") || figure.endsWith("/s"))) {
                continue;
            }
            fs.sort(Comparator.comparingInt(ValidationReport::threads));
            String family = e.getKey().substring(0, e.getKey().indexOf('|'));
            List<Double> x = new ArrayList<>();
            List<Double> med = new ArrayList<>();
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            List<Double> sim = new ArrayList<>();
            for (FigureComparison f : fs) {
                x.add((double) threads(f));
                med.add(f.realMedian());
                lo.add(f.realMin());
                hi.add(f.realMax());
                sim.add(f.simMedian());
            }
            out.put("versus-" + version + "-" + family + "-" + figure, ValidationCharts.versus(
                    "CPython " + version + ", " + family + ": " + figure + " by CPU-bound threads",
                    "CPU-bound threads", figure + " (" + fs.get(0).unit() + ")", x, med, lo, hi, sim));
        }
        return out;
    }

    /** Every rate of the convoy and GIL-releasing probes, real against simulated. */
    private ValidationCharts.Drawing rateBars(String version) {
        List<String> names = new ArrayList<>();
        List<Double> real = new ArrayList<>();
        List<Double> sim = new ArrayList<>();
        for (FigureComparison f : v.figures(version)) {
            if (f.unit().equals("/s") && !f.experiment().startsWith("heartbeat")) {
                names.add(f.experiment());
                real.add(f.realMedian());
                sim.add(f.simMedian());
            }
        }
        return names.isEmpty() ? null : ValidationCharts.bars("CPython " + version
                + ": operations per second, real against simulated", "per second", names, real, sim);
    }

    private static int threads(FigureComparison f) {
        String s = f.experiment().substring(f.experiment().lastIndexOf('-') + 1);
        return Integer.parseInt(s.substring(0, s.length() - 3));
    }

    String csv() {
        StringBuilder b = new StringBuilder(
                "python,experiment,figure,unit,real_median,real_min,real_max,real_runs,sim_median,sim_min,sim_max,seeds,in_band,verdict,"
                        + "seed_spread_excess\n");
        for (FigureComparison f : v.figures()) {
            b.append(String.join(",", f.version(), f.experiment(), f.figure(), f.unit(), num(f.realMedian()),
                    num(f.realMin()), num(f.realMax()), Integer.toString(f.realRuns()), num(f.simMedian()),
                    num(f.simMin()), num(f.simMax()), Integer.toString(f.seeds()), Boolean.toString(f.inBand()),
                    f.verdict(), num(f.seedSpreadExcess()))).append('\n');
        }
        return b.toString();
    }

    private ObjectNode json() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("score", round(v.score()));
        root.put("geometric_mean_ratio", round(v.geometricMeanRatio()));
        root.put("seeds", v.seeds());
        root.put("disturbed_runs_left_out", v.disturbedRuns());
        root.put("seed_sensitive_figures", v.seedSensitive().size());
        ObjectNode versions = root.putObject("versions");
        for (String version : v.versions()) {
            ObjectNode o = versions.putObject(version);
            o.put("score", round(Validation.score(v.figures(version))));
            o.put("geometric_mean_ratio", round(Validation.geometricMeanRatio(v.figures(version))));
        }
        ArrayNode figures = root.putArray("figures");
        for (FigureComparison f : v.figures()) {
            ObjectNode o = figures.addObject();
            o.put("python", f.version());
            o.put("experiment", f.experiment());
            o.put("figure", f.figure());
            o.put("unit", f.unit());
            o.put("real_median", round(f.realMedian()));
            o.put("real_min", round(f.realMin()));
            o.put("real_max", round(f.realMax()));
            o.put("sim_median", round(f.simMedian()));
            o.put("sim_min", round(f.simMin()));
            o.put("sim_max", round(f.simMax()));
            o.put("in_band", f.inBand());
            o.put("verdict", f.verdict());
            o.put("seed_spread_excess", round(f.seedSpreadExcess()));
        }
        return root;
    }

    private String html(List<String[]> images) {
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html lang=en><head><meta charset=utf-8><title>gilsim validation</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}")
                .append("table{border-collapse:collapse;font-size:12px;width:100%}td,th{padding:2px 6px;border-bottom:1px solid #ddd;text-align:right}")
                .append("td:nth-child(-n+3),th:nth-child(-n+3){text-align:left}.miss{color:#b00}.ok{color:#070}")
                .append("img{max-width:100%;height:auto}</style></head><body>");
        b.append("<h1>gilsim against real CPython</h1><p>A figure is <b>in band</b> when gilsim's median over seeds lies inside ")
                .append("the spread of the real repetitions, or within 15% of the real median.</p><ul>");
        for (String version : v.versions()) {
            List<FigureComparison> fs = v.figures(version);
            b.append(String.format(Locale.ROOT, "<li>CPython %s: <b>%.0f%%</b> of %d figures in band; geometric mean ratio %.2f</li>",
                    esc(version), 100 * Validation.score(fs), fs.size(), Validation.geometricMeanRatio(fs)));
        }
        b.append(String.format(Locale.ROOT, "</ul><p>All versions: %.0f%% in band, geometric mean ratio %.2f, %d seeds per experiment, %d disturbed real runs left out.</p>",
                100 * v.score(), v.geometricMeanRatio(), v.seeds(), v.disturbedRuns()));
        List<FigureComparison> sensitive = v.seedSensitive();
        b.append(String.format(Locale.ROOT, "<p><b>%d</b> of %d figures vary more between seeds than between real runs "
                + "(the seeds' max over min wider than the real runs' by more than 15%%): a single seed's value of "
                + "these can mislead; run several (<code>--seed</code>, or a sweep's replications).", sensitive.size(),
                v.figures().size()));
        if (!sensitive.isEmpty()) {
            b.append(" Most: ").append(esc(mostSensitive(sensitive, 5))).append('.');
        }
        b.append("</p>");
        String section = null;
        for (String[] img : images) {
            if (!img[0].equals(section)) {
                section = img[0];
                b.append("<h2>").append(esc(section.startsWith("distributions") ? "Distributions, CPython "
                        + section.substring("distributions ".length()) : "CPython " + section)).append("</h2>");
            }
            b.append("<img alt=\"").append(esc(img[1])).append("\" src=\"").append(esc(img[1])).append("\">");
        }
        b.append("<h2>Every figure</h2><table><tr><th>python</th><th>experiment</th><th>figure</th><th>real median</th>")
                .append("<th>real min</th><th>real max</th><th>gilsim median</th><th>gilsim min</th><th>gilsim max</th>")
                .append("<th>unit</th><th>verdict</th></tr>");
        for (FigureComparison f : v.figures()) {
            b.append("<tr><td>").append(esc(f.version())).append("</td><td>").append(esc(f.experiment()))
                    .append("</td><td>").append(esc(f.figure())).append("</td><td>").append(fmt(f.realMedian()))
                    .append("</td><td>").append(fmt(f.realMin())).append("</td><td>").append(fmt(f.realMax()))
                    .append("</td><td>").append(fmt(f.simMedian())).append("</td><td")
                    .append(f.seedSensitive() ? " class=miss title=\"wider than the real spread\">" : ">")
                    .append(fmt(f.simMin())).append("</td><td").append(f.seedSensitive() ? " class=miss>" : ">")
                    .append(fmt(f.simMax())).append("</td><td>").append(esc(f.unit()))
                    .append("</td><td class=").append(f.inBand() ? "ok" : "miss").append('>').append(f.verdict())
                    .append("</td></tr>");
        }
        return b.append("</table></body></html>\n").toString();
    }

    static String fmt(double x) {
        if (Double.isNaN(x)) {
            return "-";
        }
        double a = Math.abs(x);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        return String.format(Locale.ROOT, "%.3f", x);
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6g", x);
    }

    private static double round(double x) {
        return Double.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
