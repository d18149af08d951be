package dev.gilsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** kernel, then interpreter, then executor, asyncio, server: each imports only from below. */
class LayerImportsTest {
    private static final List<String> ABOVE_ALL = List.of("scenario", "metrics", "report", "cli", "run", "chart",
            "workload");
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "interpreter", List.of("asyncio", "executor", "server"),
            "executor", List.of("asyncio", "server"),
            "asyncio", List.of("server"),
            "server", List.of());

    @Test
    void packagesImportOnlyFromLayersBelow() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : FORBIDDEN.entrySet()) {
            List<String> banned = new ArrayList<>(e.getValue());
            banned.addAll(ABOVE_ALL);
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/gilsim", e.getKey()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    for (String line : Files.readAllLines(f)) {
                        for (String b : banned) {
                            if (line.startsWith("import dev.gilsim." + b + ".")
                                    || line.startsWith("import static dev.gilsim." + b + ".")) {
                                violations.add(f + ": " + line);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
