package dev.gilsim.report;

import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.results.Figure;
import dev.gilsim.results.LatencyFigures;
import dev.gilsim.results.RunData;
import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code threads.csv}: one row per variant and thread with every figure of {@link ThreadFigures#ALL},
 * in its order; headers carry their unit ({@code _fraction} of the measurement window,
 * {@code _per_s}, {@code _ms}), a distribution one column per statistic ({@code gil_wait_p99_ms}).
 * Numbers have six decimals, so equal runs give byte-identical files.
 */
public final class ThreadsCsv {
    public static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("variant", "process", "thread"));
        for (Figure<ThreadSummary> f : ThreadFigures.ALL) {
            if (f.isDistribution()) {
                LatencyFigures.STATS.forEach(stat -> h.add(f.name() + "_" + stat.name()));
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
        for (Figure<ThreadSummary> f : ThreadFigures.ALL) {
            if (f.isDistribution()) {
                LatencySummary l = f.latency(t);
                LatencyFigures.STATS.forEach(stat -> r.add(cell(stat, l)));
            } else {
                r.add(cell(f, t));
            }
        }
        return r;
    }

    /** A count whole, anything else to six decimals. */
    private static <T> String cell(Figure<T> f, T subject) {
        return f.unit() == Figure.Unit.COUNT ? Long.toString(f.count(subject)) : num(f.value(subject));
    }

    static String num(double value) {
        return Decimals.fixed(value, 6);
    }
}
