package dev.gilsim.report;

import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.results.PercentileTable;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code percentiles.csv}: HdrHistogram's percentile distribution ({@code
 * outputPercentileDistribution} in CSV form, values scaled to milliseconds) of every latency,
 * per metric and variant, in one table. The last row of each distribution has an infinite
 * {@code 1/(1-p)}, written {@code Infinity} as HdrHistogram writes it.
 */
public final class PercentilesCsv {
    public static final List<String> HEADER = List.of("metric", "subject", "variant", "value_ms", "percentile",
            "total_count", "one_over_one_minus_p");

    private PercentilesCsv() {
    }

    public static void write(RunData run, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder(Csv.row(HEADER));
        // Each variant's latencies by key, made once: a scan per key was quadratic in the threads
        // (10,000 threads, two latencies each: 400 million keys built).
        List<Map<String, NamedLatency>> byKey = new ArrayList<>();
        for (VariantData v : run.variants()) {
            Map<String, NamedLatency> m = new HashMap<>();
            v.latencies().forEach(l -> m.putIfAbsent(l.key(), l));
            byKey.add(m);
        }
        for (String key : run.latencyKeys()) {
            for (int i = 0; i < byKey.size(); i++) {
                NamedLatency l = byKey.get(i).get(key);
                if (l != null) {
                    rows(b, run.variants().get(i).name(), l);
                }
            }
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A distribution's rows, as {@link Csv#row} would write them: the text cells are the same on
     * every row, and a number is a cell Csv leaves as it is (no comma or quote, not a formula).
     */
    private static void rows(StringBuilder b, String variant, NamedLatency l) {
        String names = Csv.field(l.metric()) + "," + Csv.field(l.subject()) + "," + Csv.field(variant) + ",";
        for (PercentileTable.Row r : PercentileTable.rows(l.recorder().transientHistogram())) {
            b.append(names).append(Decimals.fixed(r.valueNanos() / 1e6, 6)).append(',')
                    .append(Decimals.fixed(r.fraction(), 12)).append(',');
            b.append(r.totalCount()).append(',');
            b.append(r.fraction() >= 1.0 ? "Infinity" : Decimals.fixed(r.oneOverOneMinusFraction(), 2));
            b.append('\n');
        }
    }
}
