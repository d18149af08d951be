package dev.gilsim.report;

import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.ThreadSummary;
import dev.gilsim.results.RunData;
import dev.gilsim.results.ThreadFigure;
import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code threads.csv}: one row per variant and thread with every figure of {@link ThreadFigures#ALL},
 * in its order; headers carry their unit ({@code _fraction} of the measurement window,
 * {@code _per_s}, {@code _ms}), a distribution one column per statistic ({@code gil_wait_p99_ms}).
 * Numbers have six decimals, so equal runs give byte-identical files.
 */
public final class ThreadsCsv {
    /** A distribution's columns, after its name: the statistics of {@code summary.json}'s latency objects. */
    private static final List<String> STATS = List.of("count", "mean_ms", "p50_ms", "p90_ms", "p99_ms", "p99_9_ms",
            "max_ms");

    public static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("variant", "process", "thread"));
        for (ThreadFigure f : ThreadFigures.ALL) {
            if (f.isDistribution()) {
                STATS.forEach(stat -> h.add(f.name() + "_" + stat));
            } else {
                h.add(f.name());
            }
        }
        HEADER = List.copyOf(h);
    }

    private ThreadsCsv() {
    }

    public static void write(RunData run, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder(Csv.row(HEADER));
        for (VariantData v : run.variants()) {
            for (ThreadSummary t : v.threads()) {
                b.append(Csv.row(row(v.name(), t)));
            }
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<String> row(String variant, ThreadSummary t) {
        List<String> r = new ArrayList<>(List.of(variant, t.process(), t.thread()));
        for (ThreadFigure f : ThreadFigures.ALL) {
            if (f.isDistribution()) {
                latency(r, f.latency(t));
            } else {
                r.add(f.unit() == ThreadFigure.Unit.COUNT ? Long.toString(f.count(t)) : num(f.value(t)));
            }
        }
        return r;
    }

    private static void latency(List<String> r, LatencySummary l) {
        r.add(Long.toString(l.count()));
        for (double ms : new double[] {l.meanMs(), l.p50Ms(), l.p90Ms(), l.p99Ms(), l.p999Ms(), l.maxMs()}) {
            r.add(num(ms));
        }
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
