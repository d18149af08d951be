package dev.gilsim.cli;

import dev.gilsim.chart.ChartFormat;
import picocli.CommandLine.Option;

/** {@code --format png|svg}, shared by every command that draws charts. */
final class ChartFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "png",
            description = "Chart format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ChartFormat format = ChartFormat.PNG;

    ChartFormat format() {
        return format;
    }
}
