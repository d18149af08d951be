package dev.gilsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.chart.TestRuns;
import dev.gilsim.results.RunFigures;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void runningInSlicesForProgressChangesNothing() {
        Scenario s = new ScenarioLoader().load("tiny.yaml", TestRuns.YAML, List.of()).first();
        List<Long> seen = new ArrayList<>();
        RunResult sliced = new Simulation(s).run((variant, now, end, events) -> seen.add(now));
        RunResult whole = new Simulation(s).run();
        // Every named figure of the run, its processes and threads (the summary holds the recorded
        // metrics themselves, which compare by identity).
        assertEquals(RunFigures.of(whole), RunFigures.of(sliced));
        assertEquals(whole.summary().app(), sliced.summary().app());
        assertEquals(whole.timeline(), sliced.timeline());
        assertTrue(seen.size() > 100, "reported " + seen.size() + " times");
        assertEquals(s.durationNanos(), seen.get(seen.size() - 1));
    }
}
