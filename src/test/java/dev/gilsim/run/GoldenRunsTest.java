package dev.gilsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gilsim.report.SummaryJson;
import dev.gilsim.results.Provenance;
import dev.gilsim.scenario.ScenarioFile;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped scenario's summary.json (its chart data aside), byte for byte, against the copy kept in
 * {@code src/test/resources/golden/}: a change anywhere that moves any number of any scenario shows
 * up here, by scenario and line. Either it is a mistake, or it is meant and the files are
 * regenerated ({@value #REGENERATE}) in a commit that says why. See golden/README.md.
 */
class GoldenRunsTest {
    private static final String REGENERATE = "mvn -B -q test -Dtest=GoldenRunsTest -Dgolden.update=true";
    private static final Path SCENARIOS = Path.of("scenarios");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioGivesItsGoldenSummary() throws IOException {
        List<String> names = scenarioNames();
        assertTrue(names.size() >= 13, "scenarios found: " + names);
        return names.stream().map(name -> dynamicTest(name, () -> check(name)));
    }

    @Test
    void everyGoldenFileBelongsToAShippedScenario() throws IOException {
        List<String> names = scenarioNames();
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.json$", "");
                if (!names.contains(name)) {
                    if (UPDATE) {
                        Files.delete(f);
                    } else {
                        orphans.add(f.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), orphans, "golden files of scenarios that are gone: delete them or " + REGENERATE);
    }

    private static void check(String name) throws IOException {
        byte[] now = summaryJson(name);
        Path golden = GOLDEN.resolve(name + ".json");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            if (!Files.exists(golden) || FirstDifference.of(Files.readAllBytes(golden), now).isPresent()) {
                Files.write(golden, now);
                System.out.println("golden: rewrote " + golden);
            }
            return;
        }
        if (!Files.exists(golden)) {
            fail(golden + " is missing: " + REGENERATE);
        }
        Optional<String> difference = FirstDifference.of(Files.readAllBytes(golden), now);
        if (difference.isPresent()) {
            fail(name + ": summary.json differs from " + golden + " at " + difference.get()
                    + "\nIf the change is meant, regenerate with " + REGENERATE
                    + " and commit the files saying why (README, Developing gilsim).");
        }
    }

    /**
     * What {@code gilsim run scenarios/<name>.yaml} writes to summary.json, but each variant's
     * {@code chart_data}: its histograms and series are what the figures summarise, and up to
     * megabytes of numbers a diff cannot be read by.
     */
    private static byte[] summaryJson(String name) throws IOException {
        // The path as the command line gives it: summary.json's "source" field shows it.
        ScenarioFile file = new ScenarioLoader().load(SCENARIOS.resolve(name + ".yaml"), List.of());
        // Runs share nothing, so variants run side by side; the list keeps the file's order.
        List<RunResult> results = file.variants().parallelStream().map(Simulation::run).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectNode tree = SummaryJson.tree(results, Provenance.of(List.of(), null, file.text()));
        tree.path("variants").forEach(v -> ((ObjectNode) v).remove("chart_data"));
        SummaryJson.write(tree, out);
        return out.toByteArray();
    }

    /** Plain scenarios; the sweeps' runs are those of their points, each a plain scenario run. */
    private static List<String> scenarioNames() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.endsWith("-sweep.yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }
}
