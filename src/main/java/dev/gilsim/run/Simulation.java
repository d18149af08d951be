package dev.gilsim.run;

import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ProgramRunner;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import dev.gilsim.metrics.AppMetrics;
import dev.gilsim.metrics.GilMetrics;
import dev.gilsim.metrics.RunSummary;
import dev.gilsim.metrics.Summaries;
import dev.gilsim.metrics.Window;
import dev.gilsim.scenario.ProcessSpec;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ServerSetup;
import dev.gilsim.scenario.ThreadSpec;
import dev.gilsim.server.App;
import dev.gilsim.server.AppSpec;
import dev.gilsim.server.EndpointSpec;
import dev.gilsim.server.ServerSpec;
import java.util.List;
import java.util.function.Function;

/** Builds the world a scenario describes and runs it; one object per run, nothing shared. */
public final class Simulation {
    private final Scenario scenario;
    private final Simulator sim = new Simulator();
    private final GilMetrics metrics;
    private final AppMetrics appMetrics;
    private final Machine machine;
    private final App app;

    public Simulation(Scenario scenario) {
        this.scenario = scenario;
        Window window = new Window(scenario.warmup(), scenario.duration());
        this.metrics = new GilMetrics(window);
        this.appMetrics = new AppMetrics(window);
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
        this.app = scenario.hasServers() ? buildApp() : null;
    }

    private App buildApp() {
        List<ServerSetup> servers = scenario.servers();
        for (ServerSetup s : servers) {
            ServerSpec spec = s.spec();
            for (int i = 0; i < spec.workers(); i++) {
                appMetrics.registerLoop(spec.name() + "-" + i);
            }
            for (EndpointSpec e : spec.endpoints()) {
                appMetrics.registerEndpoint(spec.name(), e.name());
            }
            if (spec.jobs() != null) {
                appMetrics.registerJobs(spec.name());
            }
        }
        AppSpec spec = new AppSpec(servers.stream().map(ServerSetup::spec).toList());
        return App.build(machine, spec, scenario.version(), gilByProcess(servers), appMetrics);
    }

    /**
     * Every process a server creates is named after it ({@code <server>-<i>}, and its pools' and
     * job workers' processes after that), so the longest server name that prefixes a process's
     * name says whose Python settings it runs with.
     */
    private Function<String, GilSettings> gilByProcess(List<ServerSetup> servers) {
        return process -> {
            ServerSetup best = null;
            for (ServerSetup s : servers) {
                String prefix = s.spec().name() + "-";
                if (process.startsWith(prefix)
                        && (best == null || s.spec().name().length() > best.spec().name().length())) {
                    best = s;
                }
            }
            return best == null ? scenario.python() : best.gil();
        };
    }

    public Simulator simulator() {
        return sim;
    }

    public Machine machine() {
        return machine;
    }

    /** The servers, or null for a scenario without any. */
    public App app() {
        return app;
    }

    public RunResult run() {
        long started = System.nanoTime();
        sim.runUntil(scenario.duration());
        metrics.finish();
        appMetrics.finish();
        if (app != null) {
            // Every request arrived is answered, rejected or in flight; every task is done or in flight.
            app.checkInvariants();
        }
        RunSummary summary = Summaries.of(scenario.variant(), machine, metrics, sim.eventsFired(),
                appMetrics.summary());
        return new RunResult(scenario, summary, metrics, appMetrics, appMetrics.series(),
                System.nanoTime() - started);
    }

    public static RunResult run(Scenario scenario) {
        return new Simulation(scenario).run();
    }
}
