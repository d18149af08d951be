package dev.gilsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.report.SummaryJson;
import dev.gilsim.scenario.ScenarioLoader;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The same scenario and seed give the identical summary, whatever the parameters. */
class RunDeterminismProperties {
    private static final String SCENARIO = """
            name: det
            duration: 300ms
            warmup: 30ms
            processes:
              - name: app
                threads:
                  - name: spinner
                    count: %d
                    repeat: forever
                    steps: [{cpu: {exponential: {mean: 2ms}}}, {native: {uniform: {min: 0, max: 1ms}}}]
                  - name: io
                    repeat: forever
                    steps: [{io: {exponential: {mean: 300us}}}, {cpu: 50us}, {syscall:}]
            """;

    @Property(tries = 25)
    void sameSeedGivesTheIdenticalSummary(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int spinners,
            @ForAll @IntRange(min = 1, max = 3) int cores, @ForAll @IntRange(min = 0, max = 3) int policy) {
        String text = SCENARIO.formatted(spinners);
        List<String> sets = List.of("seed=" + seed, "machine.cores=" + cores,
                "python.wakeup_policy=" + List.of("random", "fifo", "lifo", "loop-first").get(policy));
        var a = new ScenarioLoader().load("det.yaml", text, sets).first();
        var b = new ScenarioLoader().load("det.yaml", text, sets).first();
        assertEquals(SummaryJson.variant(Simulation.run(a)).toString(), SummaryJson.variant(Simulation.run(b)).toString());
    }
}
