package dev.gilsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.kernel.Simulator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of the README's Layout, kept true on the compiled classes: each package may use only
 * the packages below it that it is allowed, and each library belongs to one package. Reading the
 * class files' constant pools rather than the sources' imports sees every reference, spelled out
 * in full or not.
 *
 * <p>The intended floors (issue 9), bottom to top: {@code kernel} → {@code interpreter} →
 * {@code executor}, {@code asyncio}, {@code server} → {@code metrics}, {@code scenario},
 * {@code run}, {@code results}, {@code sweep} → {@code report}, {@code chart} → {@code output} →
 * {@code validation} → {@code cli}. Packages on one floor use only those before them in
 * {@link #LAYERS}, and only as {@link #ALLOWED} says; there is no exception for any package.
 */
class LayeringTest {
    /** Bottom to top; a package may only be allowed packages that come before it. */
    private static final List<String> LAYERS = List.of("kernel", "interpreter", "executor", "asyncio", "server",
            "metrics", "scenario", "run", "results", "sweep", "report", "chart", "output", "validation", "cli");

    /** What a run is made of: the model's floors, which every package above may read. */
    private static final Set<String> MODEL = Set.of("kernel", "interpreter", "executor", "asyncio", "server");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("kernel", Set.of()),
            Map.entry("interpreter", Set.of("kernel")),
            // Executors (E1 to E3) wake whoever waits on them without knowing about event loops;
            // the loop (L3) submits to executors, so asyncio sits above executor.
            Map.entry("executor", Set.of("kernel", "interpreter")),
            Map.entry("asyncio", Set.of("kernel", "interpreter", "executor")),
            Map.entry("server", Set.of("kernel", "interpreter", "asyncio", "executor")),
            Map.entry("metrics", MODEL),
            Map.entry("scenario", MODEL),
            Map.entry("run", with(MODEL, "metrics", "scenario")),
            // The parameter table names the servers' resolved specs (endpoints, executors, arrivals).
            Map.entry("results", with(MODEL, "metrics", "scenario", "run")),
            // The sweep engine runs scenarios and averages numbers: no chart, no file format.
            Map.entry("sweep", with(MODEL, "metrics", "scenario", "run", "results")),
            // Formats and charts read finished runs; neither knows the other, the sweep or the disk.
            Map.entry("report", with(MODEL, "metrics", "scenario", "run", "results")),
            Map.entry("chart", with(MODEL, "metrics", "results")),
            Map.entry("output", with(MODEL, "metrics", "scenario", "run", "results", "sweep", "report", "chart")),
            // Checks the model against measurements of a real CPython: it may run and draw anything,
            // and only the command line sits above it.
            Map.entry("validation", with(MODEL, "metrics", "scenario", "run", "results", "sweep", "report", "chart",
                    "output")),
            Map.entry("cli", with(MODEL, "metrics", "scenario", "run", "results", "sweep", "report", "chart",
                    "output", "validation")));

    private static final Map<String, String> LIBRARY_OWNER = Map.of(
            "org.knowm.xchart.", "chart",
            "picocli.", "cli",
            "com.fasterxml.jackson.dataformat.yaml.", "scenario");

    private static final String OURS = "dev.gilsim.";

    @Test
    void packagesUseOnlyTheLayersBelowThemThroughAnyReference() throws IOException, URISyntaxException {
        Path classes = compiledClasses();
        List<String> violations = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/gilsim"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/').replace('/', '.');
                String className = name.substring(0, name.length() - ".class".length());
                String pkg = layerOf(className);
                seen.add(pkg);
                if (!ALLOWED.containsKey(pkg)) {
                    violations.add(className + ": package '" + pkg + "' has no place in the layering");
                    continue;
                }
                for (String ref : ClassReferences.of(Files.readAllBytes(f))) {
                    check(className, pkg, ref, violations);
                }
            }
        }
        // A wrong folder must not pass for want of classes.
        assertTrue(seen.containsAll(LAYERS), "compiled packages in " + classes + ": " + seen);
        assertEquals(List.of(), violations);
    }

    @Test
    void everyLayerHasAPackageOverviewSayingWhatItIs() throws IOException {
        for (String layer : LAYERS) {
            Path info = Path.of("src/main/java/dev/gilsim", layer, "package-info.java");
            assertTrue(Files.isRegularFile(info), layer + " has no package-info.java");
            String text = Files.readString(info);
            assertTrue(text.contains("/**") && text.length() > 300, layer + ": an overview of a few sentences");
        }
    }

    @Test
    void allowedPackagesAreAllBelow() {
        assertEquals(Set.copyOf(LAYERS), ALLOWED.keySet());
        for (var e : ALLOWED.entrySet()) {
            int level = LAYERS.indexOf(e.getKey());
            for (String below : e.getValue()) {
                assertTrue(LAYERS.indexOf(below) < level, e.getKey() + " may not use " + below + ", a higher layer");
            }
        }
    }

    /** The inversions issue 9 removed stay removed: no exception lets one back in. */
    @Test
    void chartsKnowNoFormatAndTheSweepKnowsNoChartNorFile() {
        for (String forbidden : List.of("report", "sweep", "output")) {
            assertTrue(!ALLOWED.get("chart").contains(forbidden), "chart may not use " + forbidden);
        }
        for (String forbidden : List.of("chart", "report", "output")) {
            assertTrue(!ALLOWED.get("sweep").contains(forbidden), "sweep may not use " + forbidden);
        }
        assertTrue(!ALLOWED.get("report").contains("chart"), "report may not use chart");
    }

    /** A reference from chart to report, as chart/OutputFolder made before issue 9, is a violation. */
    @Test
    void aChartClassReferringToReportIsCaught() {
        List<String> violations = new ArrayList<>();
        check("dev.gilsim.chart.OutputFolder", "chart", "dev.gilsim.report.HtmlReport", violations);
        check("dev.gilsim.sweep.SweepOutputs", "sweep", "dev.gilsim.chart.SweepChart", violations);
        check("dev.gilsim.output.OutputFolder", "output", "org.knowm.xchart.XYChart", violations);
        assertEquals(3, violations.size(), violations.toString());
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private static void check(String className, String pkg, String ref, List<String> violations) {
        if (ref.startsWith(OURS)) {
            String target = layerOf(ref);
            if (!target.equals(pkg) && !ALLOWED.get(pkg).contains(target)) {
                violations.add(className + " uses " + ref);
            }
        }
        for (var lib : LIBRARY_OWNER.entrySet()) {
            if (ref.startsWith(lib.getKey()) && !pkg.equals(lib.getValue())) {
                violations.add(className + " uses " + ref + " (only " + lib.getValue() + " may)");
            }
        }
    }

    /** {@code dev.gilsim.server.App$Built} is in {@code server}; a class right in dev.gilsim has no layer. */
    private static String layerOf(String className) {
        String rest = className.substring(OURS.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "(dev.gilsim itself)" : rest.substring(0, dot);
    }

    /** Where the main classes were compiled to: target/classes under Maven. */
    private static Path compiledClasses() throws URISyntaxException {
        Path p = Path.of(Simulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(p.resolve("dev/gilsim/kernel")), "main classes not found in " + p);
        return p;
    }
}
