package dev.gilsim.output;

import dev.gilsim.chart.ChartFormat;
import dev.gilsim.chart.ChartKind;
import dev.gilsim.chart.NamedChart;
import dev.gilsim.report.ChartFile;
import dev.gilsim.report.HtmlReport;
import dev.gilsim.report.PercentilesCsv;
import dev.gilsim.report.SavedRun;
import dev.gilsim.report.SummaryJson;
import dev.gilsim.report.ThreadsCsv;
import dev.gilsim.report.TraceJson;
import dev.gilsim.results.Provenance;
import dev.gilsim.results.RunData;
import dev.gilsim.run.RunResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a run's output folder: {@code summary.json} and the other data files, the charts in
 * {@code charts/}, and {@code report.html} last, so the page never refers to a chart not yet
 * written ({@code gilsim chart} redraws the last two from {@code summary.json} and
 * {@code trace.json}). Every file is written atomically. Chart files of the same format left in
 * {@code charts/} by an earlier run, and no longer drawn, are removed.
 */
public final class OutputFolder {
    public static final String SUMMARY = SavedRun.SUMMARY;
    public static final String CHARTS = "charts";
    public static final String REPORT = "report.html";
    public static final String PERCENTILES = "percentiles.csv";
    public static final String THREADS = "threads.csv";
    /** Only with {@code run --gil-events}: every GIL event after the warm-up. */
    public static final String GIL_EVENTS = "gil-events.csv";

    private OutputFolder() {
    }

    /**
     * Writes everything a finished run leaves, {@code summary.json} first; returns the files
     * written, data files first.
     */
    public static List<Path> write(Path dir, List<RunResult> results, Provenance provenance, ChartFormat format)
            throws IOException {
        return write(dir, results, RunData.of(results, provenance), format);
    }

    /**
     * The same with {@code run} already made of {@code results} and the provenance, as
     * {@code gilsim run} makes it once for its console table and every file.
     */
    public static List<Path> write(Path dir, List<RunResult> results, RunData run, ChartFormat format)
            throws IOException {
        return write(dir, run, format, List.of(new DataFile(SUMMARY, out -> SummaryJson.write(results, run, out))));
    }

    /** Writes everything but {@code summary.json}; returns the files written, data files first. */
    public static List<Path> write(Path dir, RunData run, ChartFormat format) throws IOException {
        return write(dir, run, format, List.of());
    }

    /** {@code gilsim chart}: redraws the charts and the report of a saved run; returns the files written. */
    public static List<Path> redraw(Path dir, ChartFormat format) throws IOException {
        return write(dir, SavedRun.read(dir), format, null);
    }

    /** A data file: its name in the run's folder and what it holds. */
    private record DataFile(String name, AtomicFiles.Content content) {
    }

    /**
     * The charts are painted and encoded on a pool of threads, most of what a run's output costs,
     * while this thread writes the data files ({@code data} null: none, for a redraw); the report
     * comes last. Every chart object is built here (slowest kinds first, {@link #PAINT_ORDER})
     * and painted by one pool thread; the run's data is read on this thread only (a latency
     * recorder makes its histogram when first asked). Errors come out as if the files were written one by one in the order
     * listed: a data file's before any chart's, the first chart's before a later one's.
     */
    private static List<Path> write(Path dir, RunData run, ChartFormat format, List<DataFile> first)
            throws IOException {
        try (ParallelWrites pool = new ParallelWrites()) {
            List<ChartFile> files = new ArrayList<>();
            List<Path> charts = charts(dir, run, format, pool, files);
            List<Path> written = new ArrayList<>();
            if (first != null) {
                List<DataFile> data = new ArrayList<>(first);
                data.add(new DataFile(PERCENTILES, out -> PercentilesCsv.write(run, out)));
                data.add(new DataFile(THREADS, out -> ThreadsCsv.write(run, out)));
                data.add(new DataFile(SavedRun.TRACE, out -> TraceJson.write(run, out)));
                for (DataFile f : data) {
                    written.add(write(dir.resolve(f.name()), f.content()));
                }
            }
            pool.await();
            removeStale(dir.resolve(CHARTS), format, charts);
            written.addAll(charts);
            written.add(write(dir.resolve(REPORT), out -> HtmlReport.write(run, files, out)));
            return written;
        }
    }

    /**
     * The kinds in the order their charts are built and handed to the pool: the slowest to paint
     * first. A GIL timeline or a series over time takes 100 to 400 ms of CPU at the first tier
     * against 10 to 40 ms for a latency chart, and a series chart handed over last (report order)
     * was often painted alone at the end of convoy-effect's run while the other pool thread sat
     * idle. The report still lists every kind in {@link ChartKind}'s order.
     */
    private static final List<ChartKind> PAINT_ORDER = paintOrder();

    /** Ranks of one kind's charts ({@link ParallelWrites}): its place in the report, then the chart's. */
    private static final int RANKS_PER_KIND = 1_000_000;

    private static List<ChartKind> paintOrder() {
        List<ChartKind> order = new ArrayList<>(List.of(ChartKind.TIMELINE, ChartKind.SERIES));
        for (ChartKind k : ChartKind.values()) {
            if (!order.contains(k)) {
                order.add(k);
            }
        }
        return List.copyOf(order);
    }

    /**
     * Builds every chart, kind by kind in {@link #PAINT_ORDER}, and hands each drawn one to the
     * pool as soon as it is built, so painting starts while later kinds are still being built;
     * adds each chart's entry to {@code files} and returns the paths of those drawn, both in
     * report order, and ranks each write by its place there, so a failure is reported as if the
     * charts were written in that order. Names and order depend on the data alone.
     */
    private static List<Path> charts(Path dir, RunData run, ChartFormat format, ParallelWrites pool,
            List<ChartFile> files) {
        Map<ChartKind, List<ChartFile>> filesOf = new EnumMap<>(ChartKind.class);
        Map<ChartKind, List<Path>> drawnOf = new EnumMap<>(ChartKind.class);
        for (ChartKind kind : PAINT_ORDER) {
            List<ChartFile> entries = new ArrayList<>();
            List<Path> drawn = new ArrayList<>();
            for (NamedChart c : kind.build(run)) {
                if (!c.drawn()) {
                    entries.add(ChartFile.notDrawn(c.section(), c.title(), c.notDrawnBecause()));
                    continue;
                }
                String name = c.file() + "." + format.extension();
                Path target = dir.resolve(CHARTS).resolve(name);
                pool.submit(kind.ordinal() * RANKS_PER_KIND + drawn.size(), target, out -> c.write(format, out));
                drawn.add(target);
                entries.add(ChartFile.drawn(c.section(), c.title(), CHARTS + "/" + name));
            }
            filesOf.put(kind, entries);
            drawnOf.put(kind, drawn);
        }
        List<Path> written = new ArrayList<>();
        for (ChartKind kind : ChartKind.values()) {
            files.addAll(filesOf.get(kind));
            written.addAll(drawnOf.get(kind));
        }
        return written;
    }

    private static void removeStale(Path charts, ChartFormat format, List<Path> drawn) throws IOException {
        if (!Files.isDirectory(charts)) {
            return;
        }
        Set<String> keep = new HashSet<>();
        drawn.forEach(p -> keep.add(p.getFileName().toString()));
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(charts, "*." + format.extension())) {
            for (Path f : files) {
                if (!keep.contains(f.getFileName().toString())) {
                    stale.add(f);
                }
            }
        }
        for (Path f : stale) {
            Files.deleteIfExists(f);
        }
    }

    private static Path write(Path target, AtomicFiles.Content content) throws IOException {
        AtomicFiles.write(target, content);
        return target;
    }
}
