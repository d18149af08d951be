package dev.gilsim.report;

import dev.gilsim.metrics.GilEventLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code gil-events.csv} ({@code run --gil-events}): every GIL event after the warm-up, one row
 * each, variants in order: a timed wait's start ({@code wait}) and end ({@code timeout} or
 * {@code woken}), a {@code request} to drop, a {@code release} and a {@code take}, with the core
 * the thread last ran on. {@code probes/condlog/condlog.py --gilsim-events} reads it.
 */
public final class GilEventsCsv {
    public static final List<String> HEADER = List.of("variant", "time_ns", "event", "thread", "core");

    private GilEventsCsv() {
    }

    public static void write(Map<String, GilEventLog> byVariant, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(Csv.row(HEADER));
        StringBuilder line = new StringBuilder(96);
        for (Map.Entry<String, GilEventLog> e : byVariant.entrySet()) {
            String variant = Csv.field(e.getKey());
            GilEventLog log = e.getValue();
            for (int i = 0; i < log.size(); i++) {
                line.setLength(0);
                line.append(variant).append(',').append(log.time(i)).append(',').append(log.kind(i).csv())
                        .append(',').append(Csv.field(log.thread(i))).append(',').append(log.core(i)).append('\n');
                w.write(line.toString());
            }
        }
        w.flush();
    }
}
