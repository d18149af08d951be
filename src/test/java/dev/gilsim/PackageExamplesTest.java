package dev.gilsim;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilObserver;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.OsSettings;
import dev.gilsim.interpreter.ProgramRunner;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.RequesterWins;
import dev.gilsim.interpreter.ThreadState;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.Durations;
import dev.gilsim.kernel.Event;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import dev.gilsim.metrics.ThreadMetrics;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the package overviews ({@code package-info.java}), run as written there,
 * so that an overview cannot describe an API or a result that no longer holds.
 */
class PackageExamplesTest {

    /** kernel: events fire in time order; the clock ends where the run was asked to stop. */
    @Test
    void kernelExample() {
        Simulator sim = new Simulator();
        List<String> log = new ArrayList<>();
        Event ping = new Event(() -> log.add("ping at " + Durations.format(sim.now())));
        sim.schedule(ping, millis(2));
        sim.at(millis(1), 0, () -> log.add("first at " + Durations.format(sim.now())));
        sim.runUntil(millis(5));

        assertEquals(List.of("first at 1ms", "ping at 2ms"), log);
        assertEquals(millis(5), sim.now());
    }

    /**
     * interpreter: two CPU-bound threads on two cores, with no wake-up latencies. a takes the GIL
     * at 0; b waits, asks for a drop when its 5 ms wait times out (G2) and gets it at 5 ms (G5);
     * a asks at 10, b at 15: four acquisitions by 19 ms, each thread holding half the time.
     */
    @Test
    void interpreterExample() {
        Simulator sim = new Simulator();
        Distribution none = Distribution.constant(0);
        OsSettings os = new OsSettings(2, millis(3), 0, 0, none, null, null, 0, false, false, none, false, 0, 0);
        Machine machine = new Machine(sim, new RandomStreams(1), os, GilObserver.NONE);
        GilSettings exact = new GilSettings(millis(5), micros(5), none, none, WakeupPolicyKind.FIFO, Build.GIL, 1.4,
                RequesterWins.flat(0), -1);
        Interpreter app = machine.newInterpreter("app", exact);
        ProgramStep.Repeat spin = new ProgramStep.Repeat(ProgramStep.Repeat.FOREVER,
                List.of(new ProgramStep.Cpu(null)));
        app.newThread("a", new ProgramRunner(spin)).start(0);
        app.newThread("b", new ProgramRunner(spin)).start(0);
        sim.runUntil(millis(19));

        assertEquals(4, app.gil().acquisitions());
        assertEquals(3, app.gil().forcedDrops());
    }

    /** scenario and run: a scenario file's text, loaded and run; its figures read from the result. */
    @Test
    void scenarioAndRunExample() {
        String yaml = """
                name: two-threads
                duration: 1s
                processes:
                  - name: app
                    threads:
                      - {name: spinner, count: 2, steps: [{cpu: forever}]}
                """;
        Scenario scenario = new ScenarioLoader().load("two-threads.yaml", yaml, List.of()).first();
        RunResult result = new Simulation(scenario).run();
        ThreadMetrics first = result.metrics().threads().get(0);

        assertEquals("spinner-1", first.thread().name());
        // Two threads share one GIL: each holds it about half of the measured time.
        double window = result.metrics().window().length();
        assertEquals(0.5, first.nanosIn(ThreadState.HOLDING) / window, 0.05);
    }
}
