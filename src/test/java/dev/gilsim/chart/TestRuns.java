package dev.gilsim.chart;

import dev.gilsim.results.RunData;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;

/** Short runs of a sleeper beside a spinner, with two variants, for chart and output tests. */
public final class TestRuns {
    public static final String YAML = """
            name: tiny
            title: A sleeper beside a spinner
            description: For tests.
            duration: 1s
            warmup: 100ms
            seed: 3
            processes:
              - name: app
                threads:
                  - name: spinner
                    steps:
                      - cpu: forever
                  - name: sleeper
                    repeat: forever
                    steps:
                      - sleep: 1ms
                      - cpu: 20us
            variants:
              - name: 5ms
              - name: 1ms
                set:
                  python.switch_interval: 1ms
            """;

    private TestRuns() {
    }

    public static List<RunResult> results() {
        List<RunResult> out = new ArrayList<>();
        for (Scenario s : new ScenarioLoader().load("tiny.yaml", YAML, List.of()).variants()) {
            out.add(Simulation.run(s));
        }
        return out;
    }

    public static RunData run() {
        return RunData.of(results());
    }
}
