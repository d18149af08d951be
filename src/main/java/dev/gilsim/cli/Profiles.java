package dev.gilsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Machine profiles, as {@code gilsim calibrate} writes them: one {@code PATH=VALUE} assignment a
 * line, exactly as {@code --set} takes them, with {@code #} comments. A profile applies before the
 * command line's own {@code --set}, so those still win.
 */
final class Profiles {
    private Profiles() {
    }

    static List<String> read(Path file) {
        if (file == null) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UserException(file + ": cannot read the profile: " + e.getMessage(), Cli.BAD_INPUT);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.contains("=") || line.startsWith("=")) {
                throw new UserException(file + ":" + (i + 1) + ": expected PATH=VALUE, as --set takes", Cli.BAD_INPUT);
            }
            out.add(line);
        }
        return out;
    }
}
