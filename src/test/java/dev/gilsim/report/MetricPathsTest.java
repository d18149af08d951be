package dev.gilsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.results.RunFigures;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A sweep's, {@code --fail-if}'s and {@code diff}'s metric names are one set: the registry's
 * figures ({@link RunFigures}) are exactly the numbers of a variant of {@code summary.json}, under
 * their dotted paths, in its order, at its precision.
 */
class MetricPathsTest {
    @Test
    void theRegistrysFiguresAreSummaryJsonsNumbersOfEveryShippedScenario() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("scenarios"))) {
            files = all.filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith("-sweep.yaml")).sorted()
                    .toList();
        }
        assertTrue(files.size() >= 13, "scenarios found: " + files);
        List<String> scopes = new ArrayList<>();
        for (Path f : files) {
            // Two seconds (past every shipped timeline window): every loop, endpoint, pool and job has figures.
            for (Scenario s : new ScenarioLoader().load(f, List.of("duration=2s", "warmup=100ms")).variants()) {
                RunResult r = Simulation.run(s);
                Map<String, Double> fromJson = MetricPaths.flatten(SummaryJson.variant(r));
                Map<String, Double> fromRegistry = RunFigures.of(r);
                assertEquals(List.copyOf(fromJson.keySet()), List.copyOf(fromRegistry.keySet()), f + " " + s.variant());
                assertEquals(fromJson, fromRegistry, f + " " + s.variant());
                fromRegistry.keySet().forEach(k -> scopes.add(k.contains(".") ? k.substring(0, k.indexOf('.')) : k));
            }
        }
        for (String scope : List.of("core_utilisation", "processes", "threads", "loop_lag", "slow_callbacks",
                "endpoints", "executors", "jobs")) {
            assertTrue(scopes.contains(scope), "no shipped scenario has a figure of " + scope);
        }
    }

    @Test
    void itemsAreNamedByProcessAndNameAndParametersAreNoMetrics() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        json.put("seed", 7);
        json.put("core_utilisation", 0.5);
        var t = json.putArray("threads").addObject();
        t.put("process", "app");
        t.put("name", "sleeper");
        t.put("held_fraction", 0.25);
        assertEquals(Map.of("core_utilisation", 0.5, "threads.app/sleeper.held_fraction", 0.25),
                MetricPaths.flatten(json));
    }
}
