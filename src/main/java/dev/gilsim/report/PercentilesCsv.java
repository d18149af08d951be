package dev.gilsim.report;

import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.results.PercentileTable;
import dev.gilsim.results.RunData;
import dev.gilsim.results.VariantData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Formatter;
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
        // One formatter writing into the text for every number: String.format makes a formatter, a
        // builder and a string for each, three to a row and thousands of rows in a run of many
        // threads, which took about twice as long for the same characters.
        Formatter numbers = new Formatter(b, Locale.ROOT);
        for (String key : run.latencyKeys()) {
            for (VariantData v : run.variants()) {
                RunData.latency(v, key).ifPresent(l -> rows(b, numbers, v.name(), l));
            }
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A distribution's rows, as {@link Csv#row} would write them: the text cells are the same on
     * every row, and a number is a cell Csv leaves as it is (no comma or quote, not a formula).
     */
    private static void rows(StringBuilder b, Formatter numbers, String variant, NamedLatency l) {
        String names = Csv.field(l.metric()) + "," + Csv.field(l.subject()) + "," + Csv.field(variant) + ",";
        for (PercentileTable.Row r : PercentileTable.rows(l.recorder().histogram())) {
            b.append(names);
            numbers.format("%.6f,%.12f,", r.valueNanos() / 1e6, r.fraction());
            b.append(r.totalCount()).append(',');
            if (r.fraction() >= 1.0) {
                b.append("Infinity");
            } else {
                numbers.format("%.2f", r.oneOverOneMinusFraction());
            }
            b.append('\n');
        }
    }
}
