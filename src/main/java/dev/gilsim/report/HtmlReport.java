package dev.gilsim.report;

import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.results.EndpointRequests;
import dev.gilsim.results.Figure;
import dev.gilsim.results.Parameter;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.RunData;
import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.html}: one page per run with the scenario's title, description and parameters,
 * the latency and thread tables, and every chart. It loads nothing from the network (no scripts,
 * no web fonts, inline CSS) and refers to its charts and data files by relative paths, so the
 * output folder opens from disk, or can be copied whole.
 */
public final class HtmlReport {
    /** The data files the page links to, with what each holds. */
    public static final Map<String, String> DATA_FILES = dataFiles();

    private HtmlReport() {
    }

    private static Map<String, String> dataFiles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SavedRun.SUMMARY, "every figure of every variant, and the chart data 'gilsim chart' redraws from");
        m.put("percentiles.csv", "HdrHistogram percentile distribution of each latency, per variant");
        m.put("threads.csv", "one row per variant and thread with every thread figure");
        m.put("trace.json", "the GIL timeline in Chrome Trace Event Format: open it in ui.perfetto.dev "
                + "or chrome://tracing");
        return m;
    }

    public static void write(RunData run, List<ChartFile> charts, OutputStream out) throws IOException {
        out.write(render(run, charts).getBytes(StandardCharsets.UTF_8));
    }

    static String render(RunData run, List<ChartFile> charts) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(run.title())).append(" - gilsim</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
        h.append("<h1>").append(esc(run.title())).append("</h1>\n");
        h.append("<p class=\"meta\">Scenario <code>").append(esc(run.scenario())).append("</code> from <code>")
                .append(esc(run.source())).append("</code></p>\n");
        h.append("<p>").append(esc(run.description())).append("</p>\n");
        contents(h, charts, run.variants().stream().anyMatch(v -> !v.requests().isEmpty()));
        Verdict.html(h, run);
        files(h);
        parameters(h, run);
        provenance(h, run.provenance());
        requests(h, run);
        latencies(h, run);
        threads(h, run);
        chartSections(h, charts);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void contents(StringBuilder h, List<ChartFile> charts, boolean requests) {
        h.append("<nav><a href=\"#verdict\">Verdict</a> · <a href=\"#files\">Files</a> · ")
                .append("<a href=\"#parameters\">Parameters</a> · ")
                .append(requests ? "<a href=\"#requests\">Requests</a> · " : "")
                .append("<a href=\"#latencies\">Latencies</a> · <a href=\"#threads\">Threads</a>");
        for (String section : sections(charts)) {
            h.append(" · <a href=\"#").append(anchor(section)).append("\">").append(esc(section)).append("</a>");
        }
        h.append("</nav>\n");
    }

    private static void files(StringBuilder h) {
        h.append("<h2 id=\"files\">Files</h2>\n<ul>\n");
        DATA_FILES.forEach((file, what) -> h.append("<li><a href=\"").append(esc(file)).append("\">")
                .append(esc(file)).append("</a>: ").append(esc(what)).append("</li>\n"));
        h.append("</ul>\n");
    }

    private static void parameters(StringBuilder h, RunData run) {
        h.append("<h2 id=\"parameters\">Parameters</h2>\n");
        if (run.variants().size() > 1) {
            h.append("<p>Everything each variant ran with, defaults and overrides resolved; the rows where the "
                    + "variants differ are highlighted.</p>\n");
        }
        h.append("<table>\n<tr><th>parameter</th>");
        for (VariantData v : run.variants()) {
            h.append("<th>").append(esc(v.name())).append("</th>");
        }
        h.append("</tr>\n");
        boolean described = run.variants().stream().anyMatch(v -> !v.description().isBlank());
        if (described) {
            row(h, "description", run.variants().stream().map(VariantData::description).toList(), true);
        }
        // Each variant's values by name, made once: a scan per name was quadratic in the threads.
        Set<String> names = new LinkedHashSet<>();
        List<Map<String, String>> byName = new ArrayList<>();
        for (VariantData v : run.variants()) {
            Map<String, String> m = new HashMap<>();
            v.parameters().forEach(p -> {
                names.add(p.name());
                m.putIfAbsent(p.name(), p.value());
            });
            byName.add(m);
        }
        for (String name : names) {
            List<String> values = new ArrayList<>();
            for (Map<String, String> m : byName) {
                values.add(m.getOrDefault(name, "-"));
            }
            row(h, name, values, true);
        }
        h.append("</table>\n");
    }

    /** How to rerun it: the gilsim version, the command line's overrides and the scenario as written. */
    private static void provenance(StringBuilder h, Provenance p) {
        if (p == null) {
            return;
        }
        h.append("<p>gilsim <code>").append(esc(p.gilsimVersion())).append("</code>; command line overrides: ");
        List<String> overrides = new ArrayList<>();
        p.sets().forEach(set -> overrides.add("<code>--set " + esc(set) + "</code>"));
        if (p.seed() != null) {
            overrides.add("<code>--seed " + p.seed() + "</code>");
        }
        h.append(overrides.isEmpty() ? "none" : String.join(" ", overrides)).append("</p>\n");
        h.append("<details><summary>The scenario file as written</summary>\n<pre>").append(esc(p.scenarioText()))
                .append("</pre>\n</details>\n");
    }

    /** Per endpoint what became of the requests offered, and a warning for each overloaded one. */
    private static void requests(StringBuilder h, RunData run) {
        if (run.variants().stream().allMatch(v -> v.requests().isEmpty())) {
            return;
        }
        h.append("<h2 id=\"requests\">Requests</h2>\n");
        boolean variants = run.variants().size() > 1;
        for (VariantData v : run.variants()) {
            for (EndpointRequests e : v.requests()) {
                e.warning(variants ? v.name() : "").ifPresent(w -> h.append("<p class=\"warning\">")
                        .append(esc(w)).append("</p>\n"));
            }
        }
        h.append("<table>\n<tr><th>endpoint</th><th>variant</th><th>offered</th><th>completed</th>"
                + "<th>unfinished</th><th>rejected (503)</th></tr>\n");
        for (VariantData v : run.variants()) {
            for (EndpointRequests e : v.requests()) {
                h.append("<tr").append(e.overloaded() ? " class=\"overloaded\"" : "").append("><td><code>")
                        .append(esc(e.endpoint())).append("</code></td><td>").append(esc(v.name())).append("</td>");
                cells(h, Long.toString(e.arrived()), Long.toString(e.completed()), Long.toString(e.unfinished()),
                        Long.toString(e.rejected()));
                h.append("</tr>\n");
            }
        }
        h.append("</table>\n<p class=\"meta\">Offered, completed and rejected count the measured window; "
                + "unfinished counts requests that arrived at any time and had no response when the run ended. "
                + "The latency percentiles count the requests offered in the window and still unanswered at its "
                + "end at their age then (censored), so an overloaded endpoint's percentiles are lower bounds, "
                + "not the survivors' figures. An endpoint is overloaded when more than ")
                .append(String.format(Locale.ROOT, "%.0f%%", 100 * EndpointRequests.OVERLOAD_SHARE))
                .append(" of the requests offered are unfinished.</p>\n");
    }

    private static void latencies(StringBuilder h, RunData run) {
        int all = run.pooledLatencyKeys().size();
        List<String> headline = run.headlineLatencies();
        int shown = headline.size();
        h.append("<h2 id=\"latencies\">Latencies (ms)</h2>\n");
        if (shown < all) {
            h.append("<p>The headline ").append(shown).append(" of ").append(all)
                    .append(" latencies; <a href=\"percentiles.csv\">percentiles.csv</a> has every one.</p>\n");
        }
        if (all < run.latencyKeys().size()) {
            h.append("<p>The copies of a thread declared with <code>count</code> are one row and one set of charts, their "
                    + "samples pooled under the thread's name; <a href=\"percentiles.csv\">percentiles.csv</a> and "
                    + "<a href=\"threads.csv\">threads.csv</a> have each copy's.</p>\n");
        }
        h.append("<table>\n<tr><th>latency</th><th>variant</th>"
                + "<th>count</th><th>mean</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>\n");
        for (String key : headline) {
            for (VariantData v : run.variants()) {
                var l = RunData.latency(v, key);
                if (l.isEmpty()) {
                    continue;
                }
                LatencySummary s = l.get().recorder().summary();
                h.append("<tr><td><code>").append(esc(key)).append("</code></td><td>").append(esc(v.name()))
                        .append("</td>");
                cells(h, Long.toString(s.count()), ms(s.meanMs()), ms(s.p50Ms()), ms(s.p90Ms()), ms(s.p99Ms()),
                        ms(s.p999Ms()), ms(s.maxMs()));
                h.append("</tr>\n");
            }
        }
        h.append("</table>\n<p class=\"meta\">return_delay: how late a thread ran Python again after a blocking "
                + "call's intended end; gil_wait: from wanting the GIL to holding it.</p>\n");
    }

    /** Rows of the threads table per variant: a pool of 10,000 made a page of 10,000 rows. */
    static final int MAX_THREAD_ROWS = 200;

    private static void threads(StringBuilder h, RunData run) {
        h.append("<h2 id=\"threads\">Threads</h2>\n<p class=\"meta\">Shares of the measured window; "
                + "threads.csv has every figure.</p>\n<table>\n<tr><th>variant</th><th>thread</th>");
        for (Figure<ThreadSummary> f : ThreadFigures.html()) {
            h.append("<th>").append(esc(f.html())).append("</th>");
        }
        h.append("</tr>\n");
        List<String> cut = new ArrayList<>();
        for (VariantData v : run.variants()) {
            List<ThreadSummary> threads = v.threads();
            for (ThreadSummary t : threads.subList(0, Math.min(MAX_THREAD_ROWS, threads.size()))) {
                h.append("<tr><td>").append(esc(v.name())).append("</td><td>").append(esc(t.name()))
                        .append("</td>");
                for (Figure<ThreadSummary> f : ThreadFigures.html()) {
                    cells(h, ConsoleTable.cells(f, t).toArray(String[]::new));
                }
                h.append("</tr>\n");
            }
            if (threads.size() > MAX_THREAD_ROWS) {
                cut.add(esc(v.name()) + "'s first " + MAX_THREAD_ROWS + " of " + threads.size());
            }
        }
        h.append("</table>\n");
        if (!cut.isEmpty()) {
            h.append("<p class=\"meta\">Shown: ").append(String.join("; ", cut))
                    .append(" threads; <a href=\"threads.csv\">threads.csv</a> has every one.</p>\n");
        }
    }

    private static void chartSections(StringBuilder h, List<ChartFile> charts) {
        for (String section : sections(charts)) {
            h.append("<h2 id=\"").append(anchor(section)).append("\">").append(esc(section)).append("</h2>\n");
            // A section's charts sit side by side (small multiples), so a report of many variants and
            // latencies stays a page one can scroll; timelines, wide by nature, only when there are
            // more than three of them.
            long drawn = charts.stream().filter(c -> c.section().equals(section) && c.path() != null).count();
            boolean multiples = section.equals("GIL timeline") ? drawn > 3 : drawn > 1;
            if (multiples) {
                // Six or more: three a row, so a run of many variants or workers stays a page.
                h.append(drawn >= 6 ? "<div class=\"multiples many\">\n" : "<div class=\"multiples\">\n");
            }
            for (ChartFile c : charts) {
                if (c.section().equals(section) && c.path() == null) {
                    h.append("<p class=\"meta\">Not drawn: ").append(esc(c.title())).append(": ")
                            .append(esc(c.notDrawnBecause())).append(".</p>\n");
                } else if (c.section().equals(section)) {
                    h.append("<figure><img src=\"").append(esc(c.path())).append("\" alt=\"").append(esc(c.title()))
                            .append("\"><figcaption><a href=\"").append(esc(c.path())).append("\">")
                            .append(esc(c.path())).append("</a></figcaption></figure>\n");
                }
            }
            if (multiples) {
                h.append("</div>\n");
            }
        }
    }

    static List<String> sections(List<ChartFile> charts) {
        Set<String> s = new LinkedHashSet<>();
        charts.forEach(c -> s.add(c.section()));
        return List.copyOf(s);
    }

    private static void row(StringBuilder h, String name, List<String> values, boolean code) {
        // What the variants change stands out: the comparison a reader came for.
        boolean differs = values.stream().distinct().count() > 1;
        h.append(differs ? "<tr class=\"differs\"><td>" : "<tr><td>")
                .append(code ? "<code>" + esc(name) + "</code>" : esc(name)).append("</td>");
        if (!differs && values.size() > 1) {
            // A value every variant shares is written once, across their columns: the rows a
            // reader skims stay one line long.
            h.append("<td class=\"text\" colspan=\"").append(values.size()).append("\">").append(esc(values.get(0)))
                    .append("</td>");
        } else {
            for (String v : values) {
                h.append("<td class=\"text\">").append(esc(v)).append("</td>");
            }
        }
        h.append("</tr>\n");
    }

    private static void cells(StringBuilder h, String... values) {
        for (String v : values) {
            h.append("<td>").append(esc(v)).append("</td>");
        }
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    static String anchor(String section) {
        return "s-" + section.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** A whole page in the reports' style, for other pages of a run's outputs (sweep.html). */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + " - gilsim</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            body { font-family: sans-serif; max-width: 1250px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { margin-bottom: 0.2em; }
            h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 1.8em; }
            .meta { color: #666; }
            nav { margin: 1em 0; line-height: 1.6; }
            table { border-collapse: collapse; margin: 0.5em 0; display: block; max-width: 100%; overflow-x: auto; }
            th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: right; }
            th { background: #f4f4f4; }
            td:first-child, th:first-child, td.text { text-align: left; }
            code { font-family: monospace; }
            figure { margin: 1em 0; }
            .multiples { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 0 1em; }
            .multiples.many { grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); }
            .multiples img { width: 100%; height: auto; }
            img { max-width: 100%; border: 1px solid #eee; }
            figcaption { font-size: 0.85em; color: #666; }
            .warning { background: #fdecea; border-left: 4px solid #c0392b; padding: 0.4em 0.8em; }
            tr.overloaded td { background: #fdecea; }
            tr.differs td { background: #fff6d6; font-weight: 600; }
            """;
}
