package dev.gilsim.chart;

import dev.gilsim.results.RunData;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.results.VariantData;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Where each thread's time went over the measurement window, per variant: stacked bars of the
 * shares holding the GIL, waiting for it, in I/O, in a GIL-releasing native call, blocked, and
 * idle (not started yet or finished: the rest of the window). Descheduled time counts with what
 * the thread was doing (holding, or in a native call), as in {@link ThreadSummary}.
 */
public final class GilShareChart {
    /**
     * The stacked parts, bottom to top, each a thread figure of the registry by name
     * ({@code results.ThreadFigures}); idle is the rest of the window.
     */
    public enum Part {
        HELD("holding the GIL", "running Python (or waiting for a core)", new Color(0x009E73), "held_fraction"),
        WAITING("waiting for the GIL", "waiting for the GIL", new Color(0xD55E00), "waiting_fraction"),
        IO("in I/O or sleep", "in I/O or sleep", new Color(0x56B4E9), "io_fraction"),
        NATIVE("native call, GIL released", "native call", new Color(0x0072B2), "native_released_fraction"),
        BLOCKED("blocked", "blocked", new Color(0xBBBBBB), "blocked_fraction"),
        IDLE("idle (not started or done)", "idle (not started or done)", new Color(0xEEEEEE), null);

        private final String label;
        private final String freeThreadedLabel;
        private final Color colour;
        /** The thread figure drawn; null for the idle rest. */
        private final String figure;

        Part(String label, String freeThreadedLabel, Color colour, String figure) {
            this.label = label;
            this.freeThreadedLabel = freeThreadedLabel;
            this.colour = colour;
            this.figure = figure;
        }

        public String label() {
            return label;
        }

        public double fraction(ThreadSummary t) {
            return figure == null ? idle(t) : t.number(figure);
        }
    }

    private GilShareChart() {
    }

    static double idle(ThreadSummary t) {
        double busy = 0;
        for (Part p : Part.values()) {
            busy += p.figure == null ? 0 : p.fraction(t);
        }
        return Math.max(0, 1 - busy);
    }

    /** Bars per variant at most: a per-request pool can start hundreds of short-lived threads. */
    static final int MAX_THREADS_PER_VARIANT = 12;

    /**
     * The threads worth a bar: those that held or waited for the GIL, or computed, the longest,
     * kept in the run's order; every thread when there are few.
     */
    static List<ThreadSummary> busiest(List<ThreadSummary> threads) {
        if (threads.size() <= MAX_THREADS_PER_VARIANT) {
            return threads;
        }
        ToDoubleFunction<ThreadSummary> busy = t -> Part.HELD.fraction(t) + Part.WAITING.fraction(t)
                + Part.NATIVE.fraction(t);
        List<ThreadSummary> ranked = new ArrayList<>(threads);
        ranked.sort(java.util.Comparator.comparingDouble(busy).reversed());
        List<ThreadSummary> keep = ranked.subList(0, MAX_THREADS_PER_VARIANT);
        return threads.stream().filter(keep::contains).toList();
    }

    /**
     * One variant's chart: the small multiples a report shows side by side, each a readable width
     * (at most {@link #MAX_THREADS_PER_VARIANT} bars), where one chart of every variant's threads
     * grew thousands of pixels wide. On a free-threaded build there is no GIL: the parts are named
     * for what the thread did (running, waiting for a core).
     */
    public static CategoryChart of(RunData run, VariantData v) {
        boolean freeThreaded = freeThreaded(v);
        List<ThreadSummary> threads = busiest(v.threads());
        boolean trimmed = v.threads().size() > MAX_THREADS_PER_VARIANT;
        List<String> bars = new ArrayList<>();
        for (ThreadSummary t : threads) {
            bars.add(t.name());
        }
        CategoryChart chart = new CategoryChart(Math.max(ChartStyle.WIDTH, 260 + 70 * bars.size()), ChartStyle.HEIGHT + 80);
        chart.setTitle((run.variants().size() > 1 ? v.name() + ": " : "") + "where each thread's time went"
                + (trimmed ? " (the " + MAX_THREADS_PER_VARIANT + " busiest threads)" : "")
                + (freeThreaded ? " (free-threaded: no GIL)" : ""));
        chart.setXAxisTitle("thread");
        chart.setYAxisTitle("share of the measured window (%)");
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setXAxisLabelRotation(bars.size() > 4 ? 30 : 0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        if (bars.isEmpty()) {
            return chart; // no series: XChart refuses a series without data
        }
        for (Part p : Part.values()) {
            if (freeThreaded && p == Part.WAITING) {
                continue; // nothing to wait for without a GIL
            }
            List<Double> ys = threads.stream().map(t -> 100 * p.fraction(t)).toList();
            CategorySeries s = chart.addSeries(freeThreaded ? p.freeThreadedLabel : p.label(), bars, ys);
            s.setFillColor(p.colour);
        }
        return chart;
    }

    /** Whether every interpreter of the variant is a free-threaded build (its parameters say so). */
    static boolean freeThreaded(VariantData v) {
        boolean any = false;
        for (var p : v.parameters()) {
            if (p.name().endsWith("python.build")) {
                if (!p.value().equals("free-threaded")) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
