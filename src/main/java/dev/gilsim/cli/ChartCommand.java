package dev.gilsim.cli;

import dev.gilsim.output.OutputFolder;
import dev.gilsim.report.SavedRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Redraw the charts and report.html of finished runs from their saved data",
            "(summary.json, and trace.json for the GIL timelines), without simulating again."},
        footer = {"", "Examples:",
            "  gilsim chart output/sleeper-beside-cpu",
            "  gilsim chart output/convoy-effect --format svg"})
final class ChartCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Output folders of finished runs.")
    List<Path> dirs;

    @Mixin
    ChartFormatOption chartFormat;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        for (Path dir : dirs) {
            List<Path> written;
            try {
                written = OutputFolder.redraw(dir, chartFormat.format());
            } catch (SavedRun.NotASavedRunException e) {
                throw new UserException(e.getMessage(), Cli.BAD_INPUT);
            } catch (IOException e) {
                throw new UserException("cannot write the charts in " + dir + ": " + e.getMessage(), Cli.FAILURE);
            }
            w.printf("%s: wrote %d charts and %s%n", dir, written.size() - 1, dir.resolve(OutputFolder.REPORT));
        }
        w.flush();
    }
}
