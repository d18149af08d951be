package dev.gilsim.scenario;

import static dev.gilsim.kernel.Durations.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.kernel.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A distribution written in a scenario replaces the default's whole: defaults.yaml's wake-up
 * latency is {@code {lognormal: {median: 60us, sigma: 0.5}}}, and merging a scenario's
 * {@code {exponential: {mean: 50us}}} into it key by key would give one mapping two kinds.
 */
class DistributionOverDefaultTest {
    /** Every kind, written as a scenario would, with the distribution it must read as. */
    private record Kind(String yaml, Distribution expected) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("50us", Distribution.constant(micros(50))),
            new Kind("{constant: 50us}", Distribution.constant(micros(50))),
            new Kind("{exponential: {mean: 50us}}", new Distribution.Exponential(micros(50))),
            new Kind("{uniform: {min: 10us, max: 90us}}", new Distribution.Uniform(micros(10), micros(90))),
            new Kind("{normal: {mean: 50us, sd: 10us}}", new Distribution.TruncatedNormal(micros(50), micros(10))),
            new Kind("{lognormal: {median: 30us, sigma: 0.2}}", new Distribution.LogNormal(micros(30), 0.2)),
            new Kind("{gamma: {shape: 2, mean: 50us}}", new Distribution.Gamma(2, micros(50))),
            new Kind("{empirical: [10us, 20us]}", new Distribution.Empirical(List.of(micros(10), micros(20)))));

    private static final List<String> FIELDS = List.of("wakeup_latency", "drop_overhead");

    /** Where a {@code python:} mapping may be written, and how to find the settings it gave. */
    private record Level(String name, Function<String, String> scenario, Function<Scenario, GilSettings> gil) {
    }

    private static final String THREADS = """
                threads:
                  - name: spinner
                    steps: [{cpu: forever}]
            """;
    private static final String SERVER = """
            servers:
              - name: api
                endpoints: [{name: ping, kind: async, steps: [{cpu: 1ms}]}]
                arrivals: [{rate: 10/s}]
            """;

    private static final List<Level> LEVELS = List.of(
            new Level("top level", python -> "name: t\nduration: 1s\npython: " + python
                    + "\nprocesses:\n  - name: app\n" + THREADS, Scenario::python),
            new Level("processes[].python", python -> "name: t\nduration: 1s\nprocesses:\n  - name: app\n"
                    + "    python: " + python + "\n" + THREADS, s -> s.processes().get(0).gil()),
            new Level("servers[].python", python -> "name: t\nduration: 1s\n" + SERVER + "    python: " + python
                    + "\n", s -> s.servers().get(0).gil()));

    private final ScenarioLoader loader = new ScenarioLoader();

    private static Distribution field(GilSettings gil, String field) {
        return field.equals("wakeup_latency") ? gil.wakeupLatency() : gil.dropOverhead();
    }

    @Test
    void everyKindOfDistributionReplacesTheDefaultAtEveryLevel() {
        List<String> failures = new ArrayList<>();
        for (Level level : LEVELS) {
            for (String field : FIELDS) {
                for (Kind kind : KINDS) {
                    String yaml = level.scenario().apply("{" + field + ": " + kind.yaml() + "}");
                    try {
                        Distribution got = field(level.gil().apply(loader.load("s.yaml", yaml, List.of()).first()),
                                field);
                        if (!got.equals(kind.expected())) {
                            failures.add(level.name() + " " + field + " " + kind.yaml() + ": read as " + got);
                        }
                    } catch (InputException e) {
                        failures.add(level.name() + " " + field + " " + kind.yaml() + ": " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aProcessDistributionReplacesTheScenariosToo() {
        // The top level gives an exponential; the process's lognormal must not merge into it.
        String yaml = "name: t\nduration: 1s\npython: {wakeup_latency: {exponential: {mean: 50us}}}\n"
                + "processes:\n  - name: app\n    python: {wakeup_latency: {lognormal: {median: 30us, sigma: 0.2}}}\n"
                + THREADS;
        assertEquals(new Distribution.LogNormal(micros(30), 0.2),
                loader.load("s.yaml", yaml, List.of()).first().processes().get(0).gil().wakeupLatency());
    }

    @Test
    void aLognormalWithoutSigmaIsLocatedInTheScenarioNotLentTheDefaults() {
        for (Level level : LEVELS) {
            String yaml = level.scenario().apply("{wakeup_latency: {lognormal: {median: 30us}}}");
            String msg = assertThrows(InputException.class, () -> loader.load("s.yaml", yaml, List.of()))
                    .getMessage();
            assertTrue(msg.startsWith("s.yaml:") && msg.contains("sigma") && !msg.contains("defaults.yaml"),
                    level.name() + ": " + msg);
        }
    }

    @Test
    void aMistypedKindIsSuggestedInTheScenario() {
        String yaml = LEVELS.get(0).scenario().apply("{wakeup_latency: {lognormall: {median: 30us, sigma: 0.2}}}");
        String msg = assertThrows(InputException.class, () -> loader.load("s.yaml", yaml, List.of())).getMessage();
        assertTrue(msg.startsWith("s.yaml:3:27: python.wakeup_latency.lognormall: unknown distribution 'lognormall' "
                + "(did you mean 'lognormal'?)"), msg);
    }
}
