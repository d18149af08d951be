package dev.gilsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gilsim.results.RunFigures;
import dev.gilsim.run.Progress;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantRunsTest {
    private static final String YAML = """
            name: three
            duration: 300ms
            warmup: 50ms
            machine: {cores: 2}
            processes:
              - name: app
                threads:
                  - {name: spin, count: 2, steps: [{cpu: forever}]}
                  - {name: sleeper, repeat: forever, steps: [{sleep: 1ms}, {cpu: 50us}]}
            variants:
              - {name: a, set: {python.switch_interval: 1ms}}
              - {name: b, set: {python.switch_interval: 5ms}}
              - {name: c, set: {python.switch_interval: 20ms}}
            """;

    private static List<Scenario> variants() {
        return new ScenarioLoader().load("three.yaml", YAML, List.of()).variants();
    }

    @Test
    void variantsRunSideBySideGiveWhatEachGivesAloneInFileOrder() {
        List<Scenario> variants = variants();
        VariantRuns.Ran ran = VariantRuns.simulate(variants, Simulation::defaultTimelineWindow, true, Progress.NONE);
        assertEquals(List.of("a", "b", "c"), ran.results().stream().map(r -> r.scenario().variant()).toList());
        assertEquals(List.of("a", "b", "c"), List.copyOf(ran.gilEvents().keySet()));
        for (int i = 0; i < variants.size(); i++) {
            RunResult alone = Simulation.run(variants.get(i));
            assertEquals(RunFigures.of(alone), RunFigures.of(ran.results().get(i)), variants.get(i).variant());
            assertEquals(alone.summary().events(), ran.results().get(i).summary().events());
        }
    }

    /** As if run one after the other: the earliest variant's failure, though a later one failed first in time. */
    @Test
    void theFailureReportedIsTheFirstVariantsInFileOrder() {
        Progress failing = (variant, now, end, events) -> {
            if (variant.equals("c") || (variant.equals("b") && now == end)) {
                throw new IllegalStateException("failed in " + variant);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VariantRuns.simulate(variants(), Simulation::defaultTimelineWindow, false, failing));
        assertEquals("failed in b", e.getMessage());
    }
}
