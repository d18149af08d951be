package dev.gilsim.run;

import dev.gilsim.interpreter.GilObserver;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ProgramRunner;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import dev.gilsim.metrics.AppMetrics;
import dev.gilsim.metrics.GilEventLog;
import dev.gilsim.metrics.GilMetrics;
import dev.gilsim.metrics.NamedSeries;
import dev.gilsim.metrics.ReturnDelaySeries;
import dev.gilsim.metrics.RunObserver;
import dev.gilsim.metrics.RunSummary;
import dev.gilsim.metrics.Summaries;
import dev.gilsim.metrics.TimelineRecorder;
import dev.gilsim.metrics.Window;
import dev.gilsim.scenario.ProcessSpec;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ServerSetup;
import dev.gilsim.scenario.ThreadSpec;
import dev.gilsim.server.App;
import dev.gilsim.server.AppSpec;
import dev.gilsim.server.EndpointSpec;
import dev.gilsim.server.ServerSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the world a scenario describes and runs it; one object per run, nothing shared. */
public final class Simulation {
    /** Virtual time run between two progress reports. */
    private static final int PROGRESS_SLICES = 200;

    private final Scenario scenario;
    private final Simulator sim = new Simulator();
    private final GilMetrics metrics;
    private final AppMetrics appMetrics;
    private final TimelineRecorder timeline;
    private final ReturnDelaySeries returnDelays;
    /** Null unless the run keeps every GIL event ({@code run --gil-events}). */
    private final GilEventLog gilEvents;
    private final Machine machine;
    private final App app;

    public Simulation(Scenario scenario) {
        this(scenario, defaultTimelineWindow(scenario));
    }

    /** {@code timelineWindow} is the part of the run the GIL timeline and trace show. */
    public Simulation(Scenario scenario, Window timelineWindow) {
        this(scenario, timelineWindow, false);
    }

    /** As above; {@code keepGilEvents} keeps every GIL event after the warm-up ({@link #gilEvents}). */
    public Simulation(Scenario scenario, Window timelineWindow, boolean keepGilEvents) {
        this.scenario = scenario;
        Window measured = new Window(scenario.warmupNanos(), scenario.durationNanos());
        this.metrics = new GilMetrics(measured);
        this.appMetrics = new AppMetrics(measured);
        this.timeline = new TimelineRecorder(timelineWindow);
        appMetrics.recordSpans(timelineWindow);
        this.returnDelays = new ReturnDelaySeries(measured);
        this.gilEvents = keepGilEvents ? new GilEventLog(measured) : null;
        GilObserver observer = new RunObserver(metrics, timeline, returnDelays, gilEvents);
        this.machine = new Machine(sim, new RandomStreams(scenario.seed()), scenario.machine(), observer);
        for (ProcessSpec p : scenario.processes()) {
            Interpreter interpreter = machine.newInterpreter(p.name(), p.gil());
            for (ThreadSpec t : p.threads()) {
                PyThread thread = interpreter.newThread(t.name(), new ProgramRunner(t.program(),
                        done -> metrics.iterationCompleted(done, sim.now())));
                metrics.register(thread);
                timeline.register(thread);
                thread.start(t.startNanos());
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
        return App.build(machine, spec, scenario.poolDefaults(), gilByServer(servers), appMetrics);
    }

    /** Each server's own Python settings: a value every process it starts is built with. */
    private static Function<ServerSpec, GilSettings> gilByServer(List<ServerSetup> servers) {
        Map<ServerSpec, GilSettings> bySpec = new IdentityHashMap<>();
        for (ServerSetup s : servers) {
            bySpec.put(s.spec(), s.gil());
        }
        return bySpec::get;
    }

    /** The scenario's {@code timeline:} span (defaults.yaml's after the warm-up, unless it says). */
    public static Window defaultTimelineWindow(Scenario scenario) {
        return new Window(scenario.timelineStartNanos(), scenario.timelineEndNanos());
    }

    /** The run's GIL events, or null when it was not asked to keep them. */
    public GilEventLog gilEvents() {
        return gilEvents;
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
        return run(Progress.NONE);
    }

    /**
     * Runs to the scenario's end. With a progress listener the run advances in slices of virtual
     * time; the events and their order are the same as in one go, so the results are too.
     */
    public RunResult run(Progress progress) {
        long started = System.nanoTime();
        long end = scenario.durationNanos();
        if (progress == Progress.NONE) {
            sim.runUntil(end);
        } else {
            long slice = Math.max(1, end / PROGRESS_SLICES);
            for (long t = Math.min(end, slice); ; t = Math.min(end, t + slice)) {
                sim.runUntil(t);
                progress.update(scenario.variant(), t, end, sim.eventsFired());
                if (t == end) {
                    break;
                }
            }
        }
        metrics.finish();
        appMetrics.finish();
        timeline.finish(end);
        if (app != null) {
            // Every request arrived is answered, rejected or in flight; every task is done or in flight.
            app.checkInvariants();
        }
        RunSummary summary = Summaries.of(scenario.variant(), machine, metrics, sim.eventsFired(),
                appMetrics.summary());
        List<NamedSeries> series = new ArrayList<>(appMetrics.series());
        series.addAll(returnDelays.series());
        return new RunResult(scenario, summary, metrics, appMetrics, timeline.timeline().withRequests(appMetrics.spans()), series,
                System.nanoTime() - started);
    }

    public static RunResult run(Scenario scenario) {
        return new Simulation(scenario).run();
    }
}
