package dev.gilsim.report;

import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.results.EndpointRequests;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The opening of report.html (issue 10): the headline figures of each variant side by side, and
 * in words where the variants differ most, and which endpoints fell behind; the rest of the page
 * is the evidence.
 */
final class Verdict {
    /** Headline latencies in the table; the sentences look at every headline latency. */
    static final int TABLE_KEYS = 4;
    /** A p99 ratio between variants worth a sentence. */
    static final double NOTABLE_RATIO = 1.5;
    static final int MAX_SENTENCES = 3;

    private Verdict() {
    }

    /** A headline latency's p99 in two variants, and how far apart they are. */
    record Difference(String key, String lowVariant, double lowMs, String highVariant, double highMs) {
        double ratio() {
            return highMs / Math.max(lowMs, 0.001);
        }
    }

    /** The sentences of the verdict, plain text. */
    static List<String> sentences(RunData run) {
        List<String> out = new ArrayList<>();
        List<String> keys = run.headlineLatencies();
        if (run.variants().size() > 1) {
            List<Difference> diffs = differences(run, keys);
            diffs.stream().filter(d -> d.ratio() >= NOTABLE_RATIO).limit(MAX_SENTENCES).forEach(d -> out.add(
                    String.format(Locale.ROOT, "%s p99 is %s in %s against %s in %s%s.", words(d.key()),
                            human(d.lowMs()), d.lowVariant(), human(d.highMs()), d.highVariant(),
                            d.lowMs() < 0.001 ? "" : " (" + times(d.ratio()) + ")")));
            if (out.isEmpty() && !keys.isEmpty()) {
                out.add(String.format(Locale.ROOT, "No headline p99 differs by %.1fx or more between the variants.",
                        NOTABLE_RATIO));
            }
        } else if (!run.variants().isEmpty()) {
            VariantData v = run.variants().get(0);
            for (String key : keys.subList(0, Math.min(MAX_SENTENCES, keys.size()))) {
                summary(v, key).ifPresent(s -> out.add(String.format(Locale.ROOT, "%s: p50 %s, p99 %s, max %s.", words(key),
                        human(s.p50Ms()), human(s.p99Ms()), human(s.maxMs()))));
            }
        }
        for (VariantData v : run.variants()) {
            for (EndpointRequests e : v.requests()) {
                if (e.overloaded()) {
                    out.add(String.format(Locale.ROOT, "%s falls behind%s: %d requests had no answer when the run "
                            + "ended (see Requests).", e.endpoint(), run.variants().size() > 1 ? " in " + v.name() : "",
                            e.unfinished()));
                }
            }
        }
        return out;
    }

    /** Per headline latency with samples in two or more variants: its lowest and highest p99, widest first. */
    static List<Difference> differences(RunData run, List<String> keys) {
        List<Difference> out = new ArrayList<>();
        for (String key : keys) {
            String low = null;
            double lowMs = Double.POSITIVE_INFINITY;
            String high = null;
            double highMs = Double.NEGATIVE_INFINITY;
            int with = 0;
            for (VariantData v : run.variants()) {
                Optional<LatencySummary> s = summary(v, key);
                if (s.isEmpty()) {
                    continue;
                }
                with++;
                double p99 = s.get().p99Ms();
                if (p99 < lowMs) {
                    lowMs = p99;
                    low = v.name();
                }
                if (p99 > highMs) {
                    highMs = p99;
                    high = v.name();
                }
            }
            if (with >= 2) {
                out.add(new Difference(key, low, lowMs, high, highMs));
            }
        }
        out.sort(Comparator.comparingDouble(Difference::ratio).reversed());
        return out;
    }

    private static Optional<LatencySummary> summary(VariantData v, String key) {
        return RunData.latency(v, key).map(l -> l.recorder().summary()).filter(s -> s.count() > 0);
    }

    static void html(StringBuilder h, RunData run) {
        h.append("<h2 id=\"verdict\">Verdict</h2>\n");
        List<String> sentences = sentences(run);
        if (!sentences.isEmpty()) {
            h.append("<ul>\n");
            sentences.forEach(s -> h.append("<li>").append(HtmlReport.esc(s)).append("</li>\n"));
            h.append("</ul>\n");
        }
        List<String> keys = run.headlineLatencies();
        keys = keys.subList(0, Math.min(TABLE_KEYS, keys.size()));
        if (keys.isEmpty()) {
            return;
        }
        h.append("<table>\n<tr><th>variant</th>");
        keys.forEach(k -> h.append("<th><code>").append(HtmlReport.esc(k)).append("</code><br>p50 / p99</th>"));
        h.append("</tr>\n");
        for (VariantData v : run.variants()) {
            h.append("<tr><td>").append(HtmlReport.esc(v.name())).append("</td>");
            for (String k : keys) {
                h.append("<td>").append(summary(v, k).map(s -> human(s.p50Ms()) + " / " + human(s.p99Ms())).orElse("-"))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** A latency key as a sentence says it: {@code latency:api/ping} is "api/ping latency". */
    static String words(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return key;
        }
        String metric = key.substring(0, colon).replace('_', ' ');
        return key.substring(colon + 1) + " " + (metric.equals("gil wait") ? "GIL wait" : metric);
    }

    /** Milliseconds as a reader says them: three significant digits, seconds from 1 s. */
    static String human(double ms) {
        if (ms < 0.001) {
            return ms <= 0 ? "0 ms" : "under 1 us";
        }
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.3g s", ms / 1000);
        }
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.3g ms", ms);
    }

    private static String times(double ratio) {
        return ratio >= 10 ? String.format(Locale.ROOT, "%.0fx", ratio) : String.format(Locale.ROOT, "%.1fx", ratio);
    }
}
