package dev.gilsim.scenario;

import dev.gilsim.asyncio.AsyncStep;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.server.ArrivalSpec;
import dev.gilsim.server.BackgroundThreadSpec;
import dev.gilsim.server.EndpointSpec;
import dev.gilsim.server.ServerSpec;

/**
 * How many events a scenario will simulate, estimated from the resolved scenario before it runs
 * (issue 12: no accepted input may end in a silent hour-long run). A rough count, within a factor
 * of a few of what a run reports: each step a thread takes costs a couple of events, each GIL
 * switch several, each request a few dozen. The simulator runs 1 to 6 million events a second
 * ({@code gilsim bench}), so the default budget of {@value ScenarioLoader#DEFAULT_MAX_EVENTS}
 * is somewhere between half an hour and three hours of wall time.
 */
final class EventEstimate {
    static final double EVENTS_PER_STEP = 1.5;
    /** A forced switch: the request, the drop, the signal, the wake-ups, the take. */
    static final double EVENTS_PER_SWITCH = 4;
    /** A request's own path besides its handler's steps: arrival, accept, recv, parse, task, send, answer. */
    static final double EVENTS_PER_REQUEST = 15;
    static final double EVENTS_PER_HEARTBEAT = 6;

    private EventEstimate() {
    }

    static double of(Scenario s) {
        long duration = s.durationNanos();
        double total = 0;
        for (ProcessSpec p : s.processes()) {
            // Counted once per process: asking per thread would cost N squared for a pool of N.
            long cpuBoundThreads = p.threads().stream().filter(o -> cpuBound(o.program())).count();
            for (ThreadSpec t : p.threads()) {
                // G9: beside a CPU-bound thread each GIL release costs about an interval.
                boolean contended = p.gil().build() == Build.GIL
                        && cpuBoundThreads - (cpuBound(t.program()) ? 1 : 0) > 0;
                total += thread(t.program(), Math.max(0, duration - t.startNanos()),
                        contended ? p.gil().switchIntervalNanos() : 0);
            }
            if (p.threads().size() >= 2) {
                total += switches(p.gil(), duration);
            }
        }
        for (ServerSetup setup : s.servers()) {
            ServerSpec v = setup.spec();
            double perWorker = switches(setup.gil(), duration);
            if (v.loop().heartbeatPeriodNanos() != null) {
                perWorker += EVENTS_PER_HEARTBEAT * duration / (double) v.loop().heartbeatPeriodNanos();
            }
            for (BackgroundThreadSpec b : v.backgroundThreads()) {
                perWorker += thread(b.program(), duration, 0);
            }
            total += v.workers() * perWorker;
            total += requests(v, duration) * (EVENTS_PER_REQUEST + EVENTS_PER_STEP * meanSteps(v));
        }
        return total;
    }

    /**
     * A thread's steps over {@code nanos}: a forever loop at its mean pace, a finite program once.
     * With {@code waitPerRelease} > 0 (a CPU-bound thread beside it), each step that releases the
     * GIL costs that long at least.
     */
    static double thread(ProgramStep.Repeat program, long nanos, long waitPerRelease) {
        double stepsPerPass = leaves(program.steps());
        if (program.times() != ProgramStep.Repeat.FOREVER) {
            return EVENTS_PER_STEP * stepsPerPass * program.times();
        }
        double pass = Math.max(program.steps().stream().mapToDouble(ProgramStep::meanNanos).sum(),
                releases(program.steps()) * (double) waitPerRelease);
        if (Double.isInfinite(pass) || pass <= 0) {
            // cpu: forever: one step that never ends; its events are the switches, counted apart.
            return EVENTS_PER_STEP * stepsPerPass;
        }
        return EVENTS_PER_STEP * stepsPerPass * nanos / pass;
    }

    /** Leaf steps in one pass, nested repeats multiplied out (a forever one counts once). */
    private static double leaves(java.util.List<ProgramStep> steps) {
        double n = 0;
        for (ProgramStep s : steps) {
            if (s instanceof ProgramStep.Repeat r) {
                n += leaves(r.steps()) * (r.times() == ProgramStep.Repeat.FOREVER ? 1 : r.times());
            } else {
                n++;
            }
        }
        return n;
    }

    /** Steps in one pass that release the GIL, nested repeats multiplied out. */
    private static double releases(java.util.List<ProgramStep> steps) {
        double n = 0;
        for (ProgramStep s : steps) {
            ProgramStep leaf = ProgramStep.unlabelled(s);
            if (leaf instanceof ProgramStep.Repeat r) {
                n += releases(r.steps()) * (r.times() == ProgramStep.Repeat.FOREVER ? 1 : r.times());
            } else if (leaf instanceof ProgramStep.Leaf l && l.releasesGil()) {
                n++;
            }
        }
        return n;
    }

    /** A thread that wants the GIL all the time: a {@code cpu: forever} step anywhere in its program. */
    private static boolean cpuBound(ProgramStep.Repeat program) {
        return program.steps().stream().map(ProgramStep::unlabelled).anyMatch(s -> s instanceof ProgramStep.Cpu c
                && c.duration() == null || s instanceof ProgramStep.Repeat r && cpuBound(r));
    }

    /** GIL switches when threads contend all along: one per switch interval; none without a GIL. */
    private static double switches(GilSettings gil, long duration) {
        return gil.build() == Build.GIL ? EVENTS_PER_SWITCH * duration / (double) gil.switchIntervalNanos() : 0;
    }

    /** Requests offered over the run, by arrival process. */
    private static double requests(ServerSpec v, long duration) {
        double n = 0;
        for (ArrivalSpec a : v.arrivals()) {
            if (a instanceof ArrivalSpec.Poisson p) {
                n += p.ratePerSecond() * Math.max(0, duration - p.startNanos()) / 1e9;
            } else if (a instanceof ArrivalSpec.FixedInterval f) {
                n += Math.max(0, duration - f.startNanos()) / (double) f.intervalNanos();
            } else if (a instanceof ArrivalSpec.Burst b) {
                n += b.count();
            } else if (a instanceof ArrivalSpec.ClosedLoop c) {
                // Each client waits at least its think time, and a request takes at least a millisecond.
                double cycle = Math.max(1e6, c.thinkTime().expectedNanos());
                n += c.clients() * Math.max(0, duration - c.startNanos()) / cycle;
            }
        }
        return n;
    }

    /** The handler steps of an average request, executor steps included. */
    private static double meanSteps(ServerSpec v) {
        return v.endpoints().stream().mapToDouble(EventEstimate::steps).max().orElse(0);
    }

    private static double steps(EndpointSpec e) {
        return handlerSteps(e.steps());
    }

    private static double handlerSteps(java.util.List<ProgramStep> steps) {
        double n = 0;
        for (ProgramStep s : steps) {
            if (s instanceof ProgramStep.Repeat r) {
                // Only a thread's program repeats forever (the reader refuses it in handlers).
                n += handlerSteps(r.steps()) * r.times();
                continue;
            }
            n++;
            if (s instanceof AsyncStep.RunInExecutor r) {
                n += handlerSteps(r.steps());
            } else if (s instanceof AsyncStep.ToThread t) {
                n += handlerSteps(t.steps());
            }
        }
        return n;
    }
}
