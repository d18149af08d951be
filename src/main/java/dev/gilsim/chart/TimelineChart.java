package dev.gilsim.chart;

import dev.gilsim.interpreter.ThreadState;
import dev.gilsim.metrics.Timeline;
import dev.gilsim.results.VariantData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The GIL timeline of one variant: a lane per thread (the first thread on top), each segment of
 * the window coloured by what the thread was doing, with drop requests (on the lane of the holder
 * asked to drop) and forced drops marked above the lanes. Time runs in milliseconds of virtual
 * time from the start of the run.
 *
 * <p>XChart has no Gantt chart; each state is one line series drawn with a thick flat-capped
 * stroke, a segment being two points at its lane's height and a NaN breaking the line before the
 * next segment. So each series' segments can be read back from its data: see {@link #segments}.
 */
public final class TimelineChart {
    static final String DROP_REQUESTS = "drop request (on the holder)";
    static final String FORCED_DROPS = "forced drop";
    private static final int LANE_PIXELS = 60;
    /** At most this many lanes are drawn: 40 lanes make a 2,550-pixel-high picture. */
    static final int MAX_LANES = 40;

    /** The colours a timeline uses; several thread states may share one. */
    public enum Category {
        HOLDING("holding the GIL", new Color(0x009E73)),
        // The call that blocks everyone: its own colour, the thing a timeline is there to show.
        NATIVE_HELD("native call, GIL held", new Color(0x7B2D5B)),
        WAITING("waiting for the GIL", new Color(0xD55E00)),
        IO("in I/O or sleep", new Color(0x56B4E9)),
        NATIVE("native call, GIL released", new Color(0x0072B2)),
        BLOCKED("blocked", new Color(0xBBBBBB)),
        DESCHEDULED("descheduled (no core)", new Color(0xE69F00)),
        IDLE("not started or done", new Color(0xF2F2F2));

        private final String label;
        private final Color colour;

        Category(String label, Color colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        /** On a free-threaded build there is no GIL to hold: the states are named for what the thread does. */
        String label(boolean freeThreaded) {
            if (!freeThreaded) {
                return label;
            }
            return switch (this) {
                case HOLDING -> "running Python";
                case NATIVE_HELD -> "native call";
                case NATIVE -> "native call (releasing)";
                case DESCHEDULED -> "waiting for a core";
                default -> label;
            };
        }

        public static Category of(ThreadState s) {
            return switch (s) {
                case HOLDING -> HOLDING;
                case HOLDING_NATIVE -> NATIVE_HELD;
                case GIL_WAIT -> WAITING;
                case IO -> IO;
                case NATIVE_RELEASED -> NATIVE;
                case BLOCKED -> BLOCKED;
                case HOLDING_DESCHEDULED, NATIVE_DESCHEDULED -> DESCHEDULED;
                case NOT_STARTED, DONE -> IDLE;
            };
        }
    }

    private TimelineChart() {
    }

    /** The y of a lane: the first thread on top. */
    static double laneY(Timeline t, int lane) {
        return t.lanes().size() - 1 - lane;
    }

    /** A lane the chart draws and where it came from; the others are left out. */
    record Drawn(Timeline timeline, int idleLeftOut, int quietLeftOut) {
    }

    /**
     * The lanes worth drawing: a thread that only slept, waited to be woken or did not exist in the
     * window (an idle pool worker, a per-request pool between requests) is left out, and of the
     * rest at most {@link #MAX_LANES}, the busiest (most time running, then most time doing
     * anything else), so that a run of thousands of threads still
     * gives a readable picture of bounded size. Lanes keep their order.
     */
    static Drawn forDrawing(Timeline t) {
        int n = t.lanes().size();
        // Busiest: most time running (holding the GIL, or in a releasing call), then most time in
        // any other state that is doing something (waiting for the GIL, I/O, a sleep).
        long[] running = new long[n];
        long[] busy = new long[n];
        boolean[] active = new boolean[n];
        for (Timeline.Segment s : t.segments()) {
            ThreadState st = s.state();
            if (st != ThreadState.NOT_STARTED && st != ThreadState.DONE && st != ThreadState.BLOCKED) {
                active[s.lane()] = true;
                busy[s.lane()] += s.length();
                if (st.onCore()) {
                    running[s.lane()] += s.length();
                }
            }
        }
        for (Timeline.Mark m : t.marks()) {
            active[m.lane()] = true;
        }
        List<Integer> keep = new ArrayList<>();
        for (int lane = 0; lane < n; lane++) {
            if (active[lane]) {
                keep.add(lane);
            }
        }
        if (keep.isEmpty()) {
            // Nothing happened in the window: show that on the first lanes rather than no chart.
            for (int lane = 0; lane < Math.min(n, MAX_LANES); lane++) {
                keep.add(lane);
            }
        }
        int idle = n - keep.size();
        int quiet = 0;
        if (keep.size() > MAX_LANES) {
            quiet = keep.size() - MAX_LANES;
            List<Integer> busiest = new ArrayList<>(keep);
            busiest.sort((a, b) -> running[b] != running[a] ? Long.compare(running[b], running[a])
                    : busy[b] != busy[a] ? Long.compare(busy[b], busy[a]) : Integer.compare(a, b));
            keep = new ArrayList<>(busiest.subList(0, MAX_LANES));
            keep.sort(Integer::compare);
        }
        if (keep.size() == n) {
            return new Drawn(t, 0, 0);
        }
        return new Drawn(onlyLanes(t, keep), idle, quiet);
    }

    /** The timeline of the lanes {@code keep} (in order), renumbered from 0; a mark needs both its lanes. */
    private static Timeline onlyLanes(Timeline t, List<Integer> keep) {
        int[] index = new int[t.lanes().size()];
        java.util.Arrays.fill(index, -1);
        List<Timeline.Lane> lanes = new ArrayList<>();
        for (int lane : keep) {
            index[lane] = lanes.size();
            lanes.add(t.lanes().get(lane));
        }
        List<Timeline.Segment> segments = new ArrayList<>();
        for (Timeline.Segment s : t.segments()) {
            if (index[s.lane()] >= 0) {
                segments.add(new Timeline.Segment(index[s.lane()], s.state(), s.start(), s.end(), s.label()));
            }
        }
        List<Timeline.Mark> marks = new ArrayList<>();
        for (Timeline.Mark m : t.marks()) {
            if (index[m.lane()] >= 0 && index[m.target()] >= 0) {
                marks.add(new Timeline.Mark(m.kind(), index[m.lane()], index[m.target()], m.at()));
            }
        }
        return new Timeline(t.start(), t.end(), t.truncated(), lanes, segments, marks);
    }

    public static XYChart of(VariantData variant) {
        Drawn drawn = forDrawing(variant.timeline());
        Timeline t = drawn.timeline();
        int lanes = t.lanes().size();
        XYChart chart = new XYChart(ChartStyle.WIDTH + 300, 150 + LANE_PIXELS * Math.max(1, lanes));
        String left = (drawn.idleLeftOut() == 0 ? "" : String.format(Locale.ROOT, "; %d idle thread%s not drawn",
                drawn.idleLeftOut(), drawn.idleLeftOut() == 1 ? "" : "s"))
                + (drawn.quietLeftOut() == 0 ? "" : String.format(Locale.ROOT, "; the %d busiest drawn, %d more not",
                MAX_LANES, drawn.quietLeftOut()));
        boolean freeThreaded = GilShareChart.freeThreaded(variant);
        chart.setTitle(String.format(Locale.ROOT, "%s, %s: %s to %s ms%s%s",
                freeThreaded ? "Thread timeline (free-threaded: no GIL)" : "GIL timeline", variant.name(),
                ms(t.start()), ms(t.end()), t.truncated() ? " (cut short: segment cap reached)" : "", left));
        chart.setXAxisTitle("virtual time (ms)");
        chart.setYAxisTitle("");
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisMin(-0.6);
        chart.getStyler().setYAxisMax(lanes - 0.2);
        // Lane names are text annotations above each lane: XChart's tick calculator does not
        // reliably put custom labels on whole numbers.
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(true);
        chart.getStyler().setXAxisMin(t.start() / 1e6);
        chart.getStyler().setXAxisMax(t.end() / 1e6);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        double msPerPixel = t.length() / 1e6 / (chart.getWidth() - 60.0);
        laneNames(chart, t, msPerPixel);
        stateSeries(chart, t, freeThreaded);
        stepLabels(chart, t, msPerPixel);
        marks(chart, t, Timeline.MarkKind.DROP_REQUEST, DROP_REQUESTS, 0.3, SeriesMarkers.TRIANGLE_DOWN,
                new Color(0xCC0000));
        marks(chart, t, Timeline.MarkKind.FORCED_DROP, FORCED_DROPS, -0.3, SeriesMarkers.TRIANGLE_UP,
                Color.BLACK);
        return chart;
    }

    /** Each lane's thread, named above its bar at the left edge ({@code msPerPixel} places the text). */
    private static void laneNames(XYChart chart, Timeline t, double msPerPixel) {
        for (int lane = 0; lane < t.lanes().size(); lane++) {
            String name = t.lanes().get(lane).qualifiedName();
            // Text is centred on its point: shift it right by half its (estimated) width.
            double x = t.start() / 1e6 + msPerPixel * (6 + 3.6 * name.length());
            chart.addAnnotation(new AnnotationText(name, x, laneY(t, lane) + 0.5, false));
        }
    }

    /**
     * One thick line series per colour, each segment two points on its lane and a NaN to break the
     * line. Counted first and filled into arrays, not boxed into lists: a busy window holds tens of
     * thousands of segments, and this runs on the thread that hands the charts to the painters.
     */
    private static void stateSeries(XYChart chart, Timeline t, boolean freeThreaded) {
        Category[] categories = Category.values();
        int[] points = new int[categories.length];
        for (Timeline.Segment s : t.segments()) {
            points[Category.of(s.state()).ordinal()] += 3;
        }
        double[][] xs = new double[categories.length][];
        double[][] ys = new double[categories.length][];
        for (Category c : categories) {
            xs[c.ordinal()] = new double[points[c.ordinal()]];
            ys[c.ordinal()] = new double[points[c.ordinal()]];
        }
        int[] filled = new int[categories.length];
        for (Timeline.Segment s : t.segments()) {
            int c = Category.of(s.state()).ordinal();
            int i = filled[c];
            double lane = laneY(t, s.lane());
            xs[c][i] = s.start() / 1e6;
            ys[c][i] = lane;
            xs[c][i + 1] = s.end() / 1e6;
            ys[c][i + 1] = lane;
            xs[c][i + 2] = Double.NaN;
            ys[c][i + 2] = Double.NaN;
            filled[c] = i + 3;
        }
        float stroke = LANE_PIXELS * 0.38f;
        for (Category c : categories) {
            if (points[c.ordinal()] == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(c.label(freeThreaded), xs[c.ordinal()], ys[c.ordinal()]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(c.colour);
            s.setLineStyle(new BasicStroke(stroke, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
    }

    /** A run of one lane's segments under one step label, in ms. */
    record LabelSpan(int lane, String label, double startMs, double endMs) {
    }

    /** Each lane's labelled steps, consecutive segments of one label merged (whatever their states). */
    static List<LabelSpan> labelSpans(Timeline t) {
        List<LabelSpan> out = new ArrayList<>();
        Timeline.Segment open = null;
        long openEnd = 0;
        for (Timeline.Segment s : t.segments()) {
            if (open != null && (s.lane() != open.lane() || !java.util.Objects.equals(s.label(), open.label()) || s.start() != openEnd)) {
                out.add(new LabelSpan(open.lane(), open.label(), open.start() / 1e6, openEnd / 1e6));
                open = null;
            }
            if (s.label() == null) {
                continue;
            }
            if (open == null) {
                open = s;
            }
            openEnd = s.end();
        }
        if (open != null) {
            out.add(new LabelSpan(open.lane(), open.label(), open.start() / 1e6, openEnd / 1e6));
        }
        return out;
    }

    /**
     * The scenario's step labels, written under their lane's bar where the step is wide enough for
     * the text; a narrower one stays unnamed in the picture (trace.json names every one).
     */
    private static void stepLabels(XYChart chart, Timeline t, double msPerPixel) {
        for (LabelSpan span : namedSpans(t, msPerPixel)) {
            chart.addAnnotation(new AnnotationText(span.label(), (span.startMs() + span.endMs()) / 2,
                    laneY(t, span.lane()) - 0.36, false));
        }
    }

    /** The labelled spans wide enough, at {@code msPerPixel}, for their text (about 7 pixels a character). */
    static List<LabelSpan> namedSpans(Timeline t, double msPerPixel) {
        return labelSpans(t).stream()
                .filter(s -> (s.endMs() - s.startMs()) / msPerPixel >= 7.2 * s.label().length() + 8).toList();
    }

    private static void marks(XYChart chart, Timeline t, Timeline.MarkKind kind, String name, double offset,
            org.knowm.xchart.style.markers.Marker marker, Color colour) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Timeline.Mark m : t.marks()) {
            if (m.kind() == kind) {
                x.add(m.at() / 1e6);
                y.add(laneY(t, m.target()) + offset);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(colour);
    }

    private static String ms(long nanos) {
        return dev.gilsim.kernel.Durations.trim(nanos / 1e6);
    }

    /** The segments a state series draws, read back from its data: pairs of x (ms) between NaNs. */
    static List<double[]> segments(XYSeries series) {
        double[] x = series.getXData();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i += 3) {
            out.add(new double[] {x[i], x[i + 1], series.getYData()[i]});
        }
        return out;
    }
}
