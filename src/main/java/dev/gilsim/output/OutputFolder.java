package dev.gilsim.output;

import dev.gilsim.chart.ChartFormat;
import dev.gilsim.chart.ChartKind;
import dev.gilsim.chart.NamedChart;
import dev.gilsim.output.AtomicFiles;
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
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

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

    private OutputFolder() {
    }

    /**
     * Writes everything a finished run leaves, {@code summary.json} first; returns the files
     * written, data files first.
     */
    public static List<Path> write(Path dir, List<RunResult> results, Provenance provenance, ChartFormat format)
            throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve(SUMMARY), out -> SummaryJson.write(results, provenance, out)));
        written.addAll(write(dir, RunData.of(results, provenance), format));
        return written;
    }

    /** Writes everything but {@code summary.json}; returns the files written, data files first. */
    public static List<Path> write(Path dir, RunData run, ChartFormat format) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve(PERCENTILES), out -> PercentilesCsv.write(run, out)));
        written.add(write(dir.resolve(THREADS), out -> ThreadsCsv.write(run, out)));
        written.add(write(dir.resolve(SavedRun.TRACE), out -> TraceJson.write(run, out)));
        written.addAll(charts(dir, run, format));
        return written;
    }

    /** {@code gilsim chart}: redraws the charts and the report of a saved run; returns the files written. */
    public static List<Path> redraw(Path dir, ChartFormat format) throws IOException {
        return charts(dir, SavedRun.read(dir), format);
    }

    private static List<Path> charts(Path dir, RunData run, ChartFormat format) throws IOException {
        List<ChartFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<NamedChart> drawn = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        for (NamedChart c : ChartKind.all(run)) {
            if (!c.drawn()) {
                files.add(ChartFile.notDrawn(c.section(), c.title(), c.notDrawnBecause()));
                continue;
            }
            String name = c.file() + "." + format.extension();
            names.add(name);
            drawn.add(c);
            written.add(dir.resolve(CHARTS).resolve(name));
            files.add(ChartFile.drawn(c.section(), c.title(), CHARTS + "/" + name));
        }
        render(drawn, written, format);
        removeStale(dir.resolve(CHARTS), format, names);
        written.add(write(dir.resolve(REPORT), out -> HtmlReport.write(run, files, out)));
        return written;
    }

    /**
     * Renders the charts on every core: rasterising and encoding a PNG is most of what a run's
     * output costs, and each chart is independent. Each file's bytes do not depend on the order,
     * and the first failure is the one reported.
     */
    private static void render(List<NamedChart> charts, List<Path> targets, ChartFormat format) throws IOException {
        try {
            IntStream.range(0, charts.size()).parallel().forEach(i -> {
                try {
                    write(targets.get(i), out -> charts.get(i).write(format, out));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void removeStale(Path charts, ChartFormat format, Set<String> keep) throws IOException {
        if (!Files.isDirectory(charts)) {
            return;
        }
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
