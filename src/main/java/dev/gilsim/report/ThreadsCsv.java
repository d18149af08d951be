package dev.gilsim.report;

import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.ThreadSummary;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code threads.csv}: one row per variant and thread with every figure of {@link ThreadSummary};
 * headers carry their unit ({@code _fraction} of the measurement window, {@code _per_s},
 * {@code _ms}). Numbers have six decimals, so equal runs give byte-identical files.
 */
public final class ThreadsCsv {
    public static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("variant", "process", "thread", "held_fraction",
                "waiting_fraction", "io_fraction", "native_released_fraction", "blocked_fraction",
                "on_core_fraction", "descheduled_fraction", "iterations", "iterations_per_s", "acquisitions",
                "forced_drops", "voluntary_drops", "drop_requests_made", "drop_requests_received"));
        for (String latency : List.of("gil_wait", "return_delay")) {
            for (String f : List.of("count", "mean_ms", "p50_ms", "p90_ms", "p99_ms", "p99_9_ms", "max_ms")) {
                h.add(latency + "_" + f);
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
        List<String> r = new ArrayList<>(List.of(variant, t.process(), t.thread(), num(t.heldFraction()),
                num(t.waitingFraction()), num(t.ioFraction()), num(t.nativeReleasedFraction()),
                num(t.blockedFraction()), num(t.onCoreFraction()), num(t.descheduledFraction()),
                Long.toString(t.iterations()), num(t.iterationsPerSecond()), Long.toString(t.acquisitions()),
                Long.toString(t.forcedDrops()), Long.toString(t.voluntaryDrops()),
                Long.toString(t.dropRequestsMade()), Long.toString(t.dropRequestsReceived())));
        latency(r, t.gilWait());
        latency(r, t.returnDelay());
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
