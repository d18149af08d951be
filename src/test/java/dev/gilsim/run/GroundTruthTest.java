package dev.gilsim.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** model.md section 8: the measurements the default parameters must reproduce. */
class GroundTruthTest {

    private static ThreadSummary thread(RunResult r, String name) {
        return ThreadFigures.of(r).stream().filter(t -> t.thread().equals(name)).findFirst().orElseThrow();
    }

    /** First fact: time.sleep(1 ms) beside one CPU-bound thread overshoots by about 5.2 ms at the median. */
    @Test
    void sleeperBesideOneCpuBoundThreadOvershootsByAboutOneInterval() {
        var file = new ScenarioLoader().load(Path.of("scenarios/sleeper-beside-cpu.yaml"), List.of());
        double median = thread(Simulation.run(file.first()), "sleeper").distribution("return_delay").p50Ms();
        assertTrue(median >= 5.0 && median <= 5.8, "median overshoot " + median + " ms");
    }

    /** Second fact: a 300 ms non-releasing call delays every other thread's return by up to 300 ms. */
    @Test
    void nonReleasingNativeCallDelaysOtherThreadsByItsWholeLength() {
        var file = new ScenarioLoader().load(Path.of("scenarios/native-call-blocks-everyone.yaml"), List.of());
        double max = thread(Simulation.run(file.first()), "sleeper").distribution("return_delay").maxMs();
        assertTrue(max >= 295 && max <= 301, "max return delay " + max + " ms");
    }

    /**
     * Third fact (V. Skvortsov, CPython 3.9): an echo thread serving about 30,000 requests/s alone
     * drops to about 100/s beside one CPU-bound thread, and to about 500/s with a 1 ms interval.
     */
    @Test
    void echoThreadCollapsesBesideACpuBoundThread() {
        ScenarioLoader loader = new ScenarioLoader();
        var five = loader.load(Path.of("scenarios/convoy-effect.yaml"), List.of()).variants();
        double alone = thread(Simulation.run(five.get(0)), "echo").number("iterations_per_s");
        double beside = thread(Simulation.run(five.get(1)), "echo").number("iterations_per_s");
        var one = loader.load(Path.of("scenarios/convoy-effect.yaml"), List.of("python.switch_interval=1ms"))
                .variants();
        double besideOneMs = thread(Simulation.run(one.get(1)), "echo").number("iterations_per_s");
        assertTrue(alone > 25_000 && alone < 35_000, "alone " + alone);
        assertTrue(beside > 70 && beside < 200, "beside one CPU-bound thread " + beside);
        assertTrue(besideOneMs > 350 && besideOneMs < 800, "with a 1 ms interval " + besideOneMs);
    }
}
