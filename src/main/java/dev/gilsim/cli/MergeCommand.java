package dev.gilsim.cli;

import dev.gilsim.chart.ChartFormat;
import dev.gilsim.output.SweepFolder;
import dev.gilsim.output.SweepOutputs;
import dev.gilsim.report.Tables;
import dev.gilsim.sweep.Interval;
import dev.gilsim.sweep.PointResult;
import dev.gilsim.sweep.SweepInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine the shards of a sweep (folders written by 'gilsim sweep --shard I/N') into the",
            "files a single unsharded run would have written."},
        footer = {"", "Example:",
            "  gilsim merge shard*/switch-interval-sweep/sweep --out output/switch-interval-sweep/sweep"})
final class MergeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Sweep folders (each holds plan.json and points/).")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the merged sweep goes (default: the first DIR).")
    Path out;

    @Mixin
    ChartFormatOption chartFormat;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        ChartFormat format = chartFormat.format();
        SweepInfo info = null;
        for (Path d : dirs) {
            Path plan = d.resolve("plan.json");
            if (!Files.isRegularFile(plan)) {
                throw new UserException(d + ": not a sweep folder (no plan.json)", Cli.BAD_INPUT);
            }
            SweepInfo i;
            try {
                i = SweepFolder.readInfo(plan);
            } catch (IOException | RuntimeException e) {
                throw new UserException(plan + ": unreadable: " + e.getMessage(), Cli.BAD_INPUT);
            }
            if (info != null && !info.equals(i)) {
                throw new UserException(d + ": belongs to a different sweep than " + dirs.get(0), Cli.BAD_INPUT);
            }
            info = i;
        }
        List<Integer> missing = new ArrayList<>();
        List<PointResult> results = SweepFolder.collect(info, dirs, missing);
        if (!missing.isEmpty()) {
            throw new UserException("points " + missing + " of " + info.points()
                    + " are missing: run their shards, then merge again", Cli.BAD_INPUT);
        }
        Path target = out == null ? dirs.get(0) : out;
        try {
            SweepFolder.writeInfo(info, target.resolve(SweepFolder.PLAN));
            for (Path d : dirs) {
                copyPoints(d, target);
            }
            SweepOutputs.Written written = SweepOutputs.write(info, results, target, format,
                    new dev.gilsim.scenario.Location(target.resolve("plan.json").toString(), 1, 1));
            if (info.metric() != null) {
                w.print(table(info, results));
            }
            w.printf("merged %d points into %s, %s%s; open %s%n", results.size(), written.csv(), written.json(),
                    written.chart() == null ? " (no chart: " + written.noChartBecause() + ")" : ", " + written.chart(),
                    written.html());
        } catch (IOException e) {
            throw new UserException("cannot write " + target + ": " + e.getMessage(), Cli.FAILURE);
        }
        w.flush();
    }

    private static void copyPoints(Path from, Path to) throws IOException {
        Path src = from.resolve("points");
        Path dst = to.resolve("points");
        if (!Files.isDirectory(src) || src.toAbsolutePath().normalize().equals(dst.toAbsolutePath().normalize())) {
            return;
        }
        Files.createDirectories(dst);
        try (var files = Files.list(src)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                Files.copy(f, dst.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The chosen metric per point and variant: mean and 95% confidence half-width. */
    static String table(SweepInfo info, List<PointResult> results) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(info.dimensions());
        header.add("variant");
        header.add(info.metric());
        rows.add(header.toArray(String[]::new));
        for (PointResult r : results) {
            for (String v : r.variantNames()) {
                List<String> row = new ArrayList<>(r.values());
                row.add(v);
                row.add(SweepCommand.interval(Interval.of(r.values(v, info.metric()))));
                rows.add(row.toArray(String[]::new));
            }
        }
        return Tables.render(rows, info.dimensions().size() + 1);
    }
}
