package dev.gilsim.report;

import dev.gilsim.metrics.AppSummary;
import dev.gilsim.metrics.LatencyRecorder;
import dev.gilsim.metrics.LatencySummary;
import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.results.EndpointRequests;
import dev.gilsim.results.Figure;
import dev.gilsim.results.RunData;
import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.results.VariantData;
import dev.gilsim.run.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact table {@code gilsim run} prints: one row per thread, variants one after another, so
 * the same thread under two variants sits in adjacent blocks.
 */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    public static String threads(List<RunResult> results) {
        return threads(RunData.of(results));
    }

    /** The table from a run's data, whose threads' figures the run's files show too. */
    public static String threads(RunData run) {
        List<String[]> rows = new ArrayList<>();
        boolean variants = run.variants().size() > 1;
        List<String> header = new ArrayList<>();
        if (variants) {
            header.add("variant");
        }
        header.add("thread");
        for (Figure<ThreadSummary> f : ThreadFigures.console()) {
            header.addAll(headings(f));
        }
        rows.add(header.toArray(String[]::new));
        for (VariantData v : run.variants()) {
            for (ThreadSummary t : v.threads()) {
                List<String> row = new ArrayList<>();
                if (variants) {
                    row.add(v.name());
                }
                row.add(t.name());
                for (Figure<ThreadSummary> f : ThreadFigures.console()) {
                    row.addAll(cells(f, t));
                }
                rows.add(row.toArray(String[]::new));
            }
        }
        return Tables.render(rows, variants ? 2 : 1);
    }

    /**
     * For scenarios with servers: one row per variant, so variants compare side by side. Loop lag
     * (L4, all server processes together), then per endpoint the latency from intended arrival (L5)
     * and the throughput; then 503s, unfinished requests, slow callbacks and jobs' time to result
     * when any variant has some.
     */
    public static String servers(List<RunResult> results) {
        List<AppSummary.Endpoint> first = results.get(0).summary().app().endpoints();
        boolean manyServers = first.stream().map(AppSummary.Endpoint::server).distinct().count() > 1;
        boolean rejected = any(results, r -> r.summary().app().endpoints().stream().mapToLong(
                AppSummary.Endpoint::rejected).sum());
        boolean unfinished = any(results, r -> r.summary().app().endpoints().stream().mapToLong(
                AppSummary.Endpoint::unfinished).sum());
        boolean slow = any(results, r -> r.summary().app().loops().stream().mapToLong(
                AppSummary.Loop::slowCallbacks).sum());
        boolean jobs = any(results, r -> r.summary().app().jobs().stream().mapToLong(
                j -> j.timeToResult().count()).sum());
        List<String> header = new ArrayList<>(List.of("variant", "loop lag p50", "p99", "max"));
        for (AppSummary.Endpoint e : first) {
            header.addAll(List.of((manyServers ? e.key() : e.endpoint()) + " p50", "p99", "/s"));
        }
        addIf(header, rejected, "503");
        addIf(header, unfinished, "unfinished");
        addIf(header, slow, "slow cb");
        if (jobs) {
            header.addAll(List.of("result p50", "p99"));
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(header.toArray(String[]::new));
        for (RunResult r : results) {
            AppSummary app = r.summary().app();
            List<String> row = new ArrayList<>();
            row.add(r.scenario().variant());
            LatencySummary lag = merged(r, "loop_lag");
            row.addAll(List.of(ms(lag.p50Ms(), lag.count()), ms(lag.p99Ms(), lag.count()),
                    ms(lag.maxMs(), lag.count())));
            for (AppSummary.Endpoint e : app.endpoints()) {
                row.add(ms(e.latency().p50Ms(), e.latency().count()));
                row.add(ms(e.latency().p99Ms(), e.latency().count()));
                row.add(Decimals.fixed(e.throughputPerSecond(), 1));
            }
            while (row.size() < 4 + 3 * first.size()) {
                row.add("-");
            }
            while (row.size() > 4 + 3 * first.size()) {
                row.remove(row.size() - 1);
            }
            addIf(row, rejected, Long.toString(app.endpoints().stream().mapToLong(AppSummary.Endpoint::rejected)
                    .sum()));
            addIf(row, unfinished, Long.toString(app.endpoints().stream()
                    .mapToLong(AppSummary.Endpoint::unfinished).sum()));
            addIf(row, slow, Long.toString(app.loops().stream().mapToLong(AppSummary.Loop::slowCallbacks).sum()));
            if (jobs) {
                LatencySummary ttr = merged(r, "time_to_result");
                row.add(ms(ttr.p50Ms(), ttr.count()));
                row.add(ms(ttr.p99Ms(), ttr.count()));
            }
            rows.add(row.toArray(String[]::new));
        }
        return Tables.render(rows, 1);
    }

    /**
     * For scenarios with servers: per variant and endpoint, the requests offered (arrived in the
     * window), completed, unfinished at the end and rejected (503); then one warning line per
     * overloaded endpoint ({@link EndpointRequests#OVERLOAD_SHARE}).
     */
    public static String requests(List<RunResult> results) {
        boolean variants = results.size() > 1;
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        addIf(header, variants, "variant");
        header.addAll(List.of("endpoint", "offered", "completed", "unfinished", "503"));
        rows.add(header.toArray(String[]::new));
        List<String> warnings = new ArrayList<>();
        for (RunResult r : results) {
            String variant = r.scenario().variant();
            for (EndpointRequests e : EndpointRequests.of(r)) {
                List<String> row = new ArrayList<>();
                addIf(row, variants, variant);
                row.addAll(List.of(e.endpoint(), Long.toString(e.arrived()), Long.toString(e.completed()),
                        Long.toString(e.unfinished()), Long.toString(e.rejected())));
                rows.add(row.toArray(String[]::new));
                e.warning(variants ? variant : "").ifPresent(warnings::add);
            }
        }
        StringBuilder out = new StringBuilder(Tables.render(rows, variants ? 2 : 1));
        warnings.forEach(w -> out.append("WARNING ").append(w).append('\n'));
        return out.toString();
    }

    private static boolean any(List<RunResult> results, java.util.function.ToLongFunction<RunResult> f) {
        return results.stream().mapToLong(f).sum() > 0;
    }

    private static void addIf(List<String> row, boolean condition, String cell) {
        if (condition) {
            row.add(cell);
        }
    }

    /** All distributions of one metric in a run, added together (loop lag over every worker). */
    private static LatencySummary merged(RunResult r, String metric) {
        LatencyRecorder all = new LatencyRecorder();
        for (NamedLatency l : r.latencies()) {
            if (l.metric().equals(metric)) {
                all.add(l.recorder());
            }
        }
        return all.summary();
    }

    /** A distribution's headings name it once: {@code gil-wait p50}, then {@code p99}. */
    private static List<String> headings(Figure<ThreadSummary> f) {
        if (!f.isDistribution()) {
            return List.of(f.console());
        }
        List<String> out = new ArrayList<>();
        for (Figure.Stat s : f.stats()) {
            out.add(out.isEmpty() ? f.console() + " " + s.heading() : s.heading());
        }
        return out;
    }

    /**
     * A figure in a compact table (this one and report.html's): a share in percent, a rate or a
     * mean to one decimal, a count whole, a duration in ms, a distribution's statistics in ms ("-"
     * without a sample).
     */
    static List<String> cells(Figure<ThreadSummary> f, ThreadSummary t) {
        return switch (f.unit()) {
            case FRACTION -> List.of(pct(f.value(t)));
            case PER_SECOND, MEAN -> List.of(Decimals.fixed(f.value(t), 1));
            case COUNT -> List.of(Long.toString(f.count(t)));
            case MILLISECONDS -> List.of(ms(f.value(t), 1));
            case DISTRIBUTION -> f.stats().stream().map(s -> ms(s.ms(f.latency(t)), f.latency(t).count())).toList();
        };
    }

    static String pct(double fraction) {
        return Decimals.fixed(fraction * 100, 1) + "%";
    }

    static String ms(double ms, long count) {
        if (count == 0) {
            return "-";
        }
        return Decimals.fixed(ms, ms >= 100 ? 0 : ms >= 10 ? 1 : 3) + "ms";
    }
}
