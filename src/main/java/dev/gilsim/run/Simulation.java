package dev.gilsim.run;

import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ProgramRunner;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import dev.gilsim.metrics.GilMetrics;
import dev.gilsim.metrics.RunSummary;
import dev.gilsim.metrics.Summaries;
import dev.gilsim.metrics.Window;
import dev.gilsim.scenario.ProcessSpec;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ThreadSpec;

/** Builds the world a scenario describes and runs it; one object per run, nothing shared. */
public final class Simulation {
    private final Scenario scenario;
    private final Simulator sim = new Simulator();
    private final GilMetrics metrics;
    private final Machine machine;

    public Simulation(Scenario scenario) {
        this.scenario = scenario;
        this.metrics = new GilMetrics(new Window(scenario.warmup(), scenario.duration()));
        this.machine = new Machine(sim, new RandomStreams(scenario.seed()), scenario.machine(), metrics);
        for (ProcessSpec p : scenario.processes()) {
            Interpreter interpreter = machine.newInterpreter(p.name(), p.gil());
            for (ThreadSpec t : p.threads()) {
                PyThread thread = interpreter.newThread(t.name(), new ProgramRunner(t.program(),
                        done -> metrics.iterationCompleted(done, sim.now())));
                metrics.register(thread);
                thread.start(t.start());
            }
        }
    }

    public Simulator simulator() {
        return sim;
    }

    public Machine machine() {
        return machine;
    }

    public RunResult run() {
        long started = System.nanoTime();
        sim.runUntil(scenario.duration());
        metrics.finish();
        RunSummary summary = Summaries.of(scenario.variant(), machine, metrics, sim.eventsFired());
        return new RunResult(scenario, summary, metrics, System.nanoTime() - started);
    }

    public static RunResult run(Scenario scenario) {
        return new Simulation(scenario).run();
    }
}
