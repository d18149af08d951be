package dev.gilsim.report;

import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.results.PercentileTable;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
        for (String key : run.latencyKeys()) {
            for (VariantData v : run.variants()) {
                RunData.latency(v, key).ifPresent(l -> rows(b, v.name(), l));
            }
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void rows(StringBuilder b, String variant, NamedLatency l) {
        for (PercentileTable.Row r : PercentileTable.rows(l.recorder().histogram())) {
            String inverse = r.fraction() >= 1.0 ? "Infinity"
                    : String.format(Locale.ROOT, "%.2f", r.oneOverOneMinusFraction());
            b.append(Csv.row(List.of(l.metric(), l.subject(), variant,
                    String.format(Locale.ROOT, "%.6f", r.valueNanos() / 1e6),
                    String.format(Locale.ROOT, "%.12f", r.fraction()),
                    Long.toString(r.totalCount()), inverse)));
        }
    }
}
