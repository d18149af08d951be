package dev.gilsim.report;

import dev.gilsim.metrics.ThreadSummary;
import dev.gilsim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compact table {@code gilsim run} prints: one row per thread, variants one after another, so
 * the same thread under two variants sits in adjacent blocks.
 */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    public static String threads(List<RunResult> results) {
        List<String[]> rows = new ArrayList<>();
        boolean variants = results.size() > 1;
        List<String> header = new ArrayList<>();
        if (variants) {
            header.add("variant");
        }
        header.addAll(List.of("thread", "loops/s", "held", "wait", "io", "on-core", "acq", "forced", "asks",
                "gil-wait p50", "p99", "return p50", "p99", "max"));
        rows.add(header.toArray(String[]::new));
        for (RunResult r : results) {
            for (ThreadSummary t : r.summary().threads()) {
                List<String> row = new ArrayList<>();
                if (variants) {
                    row.add(r.scenario().variant());
                }
                row.add(t.process() + "/" + t.thread());
                row.add(String.format(Locale.ROOT, "%.1f", t.iterationsPerSecond()));
                row.add(pct(t.heldFraction()));
                row.add(pct(t.waitingFraction()));
                row.add(pct(t.ioFraction()));
                row.add(pct(t.onCoreFraction()));
                row.add(Long.toString(t.acquisitions()));
                row.add(Long.toString(t.forcedDrops()));
                row.add(Long.toString(t.dropRequestsMade()));
                row.add(ms(t.gilWait().p50Ms(), t.gilWait().count()));
                row.add(ms(t.gilWait().p99Ms(), t.gilWait().count()));
                row.add(ms(t.returnDelay().p50Ms(), t.returnDelay().count()));
                row.add(ms(t.returnDelay().p99Ms(), t.returnDelay().count()));
                row.add(ms(t.returnDelay().maxMs(), t.returnDelay().count()));
                rows.add(row.toArray(String[]::new));
            }
        }
        return Tables.render(rows, variants ? 2 : 1);
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String ms(double ms, long count) {
        if (count == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, ms >= 100 ? "%.0fms" : ms >= 10 ? "%.1fms" : "%.3fms", ms);
    }
}
