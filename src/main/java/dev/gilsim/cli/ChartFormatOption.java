package dev.gilsim.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --format png|svg}, shared by every command that draws charts. */
final class ChartFormatOption {
    @Option(names = "--format", defaultValue = "png", paramLabel = "png|svg",
            description = "Chart format: png or svg (default ${DEFAULT-VALUE}).")
    String format = "png";

    boolean svg() {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "png" -> false;
            case "svg" -> true;
            default -> throw new UserException("--format must be png or svg (got " + format + ")", Cli.BAD_INPUT);
        };
    }
}
