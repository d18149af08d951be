package dev.gilsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of style.md, kept true by reading imports: each package may use only those below it,
 * and each library belongs to one package.
 */
class LayeringTest {
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("kernel", Set.of()),
            Map.entry("interpreter", Set.of("kernel")),
            // Executors (E1 to E3) wake whoever waits on them without knowing about event loops;
            // the loop (L3) submits to executors, so asyncio sits above executor.
            Map.entry("executor", Set.of("kernel", "interpreter")),
            Map.entry("asyncio", Set.of("kernel", "interpreter", "executor")),
            Map.entry("server", Set.of("kernel", "interpreter", "asyncio", "executor")),
            Map.entry("metrics", Set.of("kernel", "interpreter", "asyncio", "executor", "server")),
            Map.entry("scenario", Set.of("kernel", "interpreter", "asyncio", "executor", "server")),
            Map.entry("run", Set.of("kernel", "interpreter", "asyncio", "executor", "server", "metrics", "scenario")),
            Map.entry("report", Set.of("kernel", "interpreter", "metrics", "scenario", "run")),
            Map.entry("chart", Set.of("kernel", "interpreter", "metrics", "scenario", "run", "report")),
            Map.entry("sweep", Set.of("kernel", "interpreter", "metrics", "scenario", "run", "report", "chart")),
            Map.entry("validation", Set.of("kernel", "interpreter", "metrics", "scenario", "run", "chart")),
            Map.entry("cli", Set.of("kernel", "interpreter", "metrics", "scenario", "run", "report", "chart",
                    "sweep", "validation")));

    private static final Map<String, String> LIBRARY_OWNER = Map.of(
            "org.knowm.xchart", "chart",
            "picocli", "cli",
            "com.fasterxml.jackson.dataformat.yaml", "scenario");

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void packagesImportOnlyTheLayersBelowThem() throws IOException {
        Path root = Path.of("src/main/java/dev/gilsim");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                if (!ALLOWED.containsKey(pkg)) {
                    violations.add(f + ": package '" + pkg + "' has no place in the layering");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String imported = m.group(1);
                    if (imported.startsWith("dev.gilsim.")) {
                        String target = imported.substring("dev.gilsim.".length()).split("\\.")[0];
                        if (!target.equals(pkg) && !ALLOWED.get(pkg).contains(target)) {
                            violations.add(f + " imports " + imported);
                        }
                    }
                    for (var lib : LIBRARY_OWNER.entrySet()) {
                        if (imported.startsWith(lib.getKey()) && !pkg.equals(lib.getValue())) {
                            violations.add(f + " imports " + imported + " (only " + lib.getValue() + " may)");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
