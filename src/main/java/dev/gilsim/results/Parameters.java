package dev.gilsim.results;

import dev.gilsim.asyncio.LoopCosts;
import dev.gilsim.asyncio.LoopSpec;
import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.OsSettings;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.RequesterWins;
import dev.gilsim.kernel.Durations;
import dev.gilsim.scenario.ProcessSpec;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ServerSetup;
import dev.gilsim.scenario.ThreadSpec;
import dev.gilsim.server.ArrivalSpec;
import dev.gilsim.server.BackgroundThreadSpec;
import dev.gilsim.server.EndpointKind;
import dev.gilsim.server.EndpointSpec;
import dev.gilsim.server.HttpOverhead;
import dev.gilsim.server.JobQueueSpec;
import dev.gilsim.server.LimitSpec;
import dev.gilsim.server.ServerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A variant's parameters as a table, named as the scenario file names them. */
final class Parameters {
    private Parameters() {
    }

    static List<Parameter> of(Scenario s) {
        List<Parameter> out = new ArrayList<>();
        out.add(new Parameter("seed", Long.toString(s.seed())));
        out.add(new Parameter("duration", Durations.format(s.durationNanos())));
        out.add(new Parameter("warmup", Durations.format(s.warmupNanos())));
        out.add(new Parameter("machine.cores", Integer.toString(s.machine().cores())));
        out.add(new Parameter("machine.time_slice", Durations.format(s.machine().timeSliceNanos())));
        out.add(new Parameter("machine.timer_slack", Durations.format(s.machine().timerSlackNanos())));
        machine(out, s.machine());
        out.add(new Parameter("python.version", s.version().text()));
        for (ProcessSpec p : s.processes()) {
            String at = "processes." + p.name() + ".";
            gil(out, at + "python.", p.gil());
            ThreadRows rows = new ThreadRows(at + "threads.", out);
            for (ThreadSpec t : p.threads()) {
                String start = t.startNanos() == 0 ? "" : " (starts at " + Durations.format(t.startNanos()) + ")";
                rows.add(t.name(), t.program().describe() + start);
            }
            rows.flush();
        }
        for (ServerSetup setup : s.servers()) {
            server(out, setup, s);
        }
        return out;
    }

    /** C4 to C14, G12 and G13: wake-up paths, cold starts, timers, syscalls, glibc's groups ("the G6 latency" where none). */
    private static void machine(List<Parameter> out, OsSettings m) {
        out.add(new Parameter("machine.halt_poll", Durations.format(m.haltPollNanos())));
        out.add(new Parameter("machine.polled_wakeup", m.polledWakeup().describe()));
        out.add(new Parameter("machine.timer_wakeup",
                m.hasTimerWakeup() ? m.timerWakeup().describe() : "the wake-up latency (G6)"));
        out.add(new Parameter("machine.handoff_wakeup",
                m.hasHandoffWakeup() ? m.handoffWakeup().describe() : "the wake-up latency (G6, C5)"));
        out.add(new Parameter("machine.cold_start", Durations.format(m.coldStartNanosPerRootMicro()) + " per root microsecond idle"
                + (m.coldStartHoldingGil() ? ", also before a step that holds the GIL" : "")));
        out.add(new Parameter("machine.timer_coalescing", m.timerCoalescing()
                ? "on, a burst's threads " + m.timerBurstGap().describe() + " apart" : "off"));
        if (m.expiredWaitTakesSignal()) {
            out.add(new Parameter("machine.expired_wait_takes_signal", "true"));
        }
        if (m.handoffOnDropperCore() > 0) {
            out.add(new Parameter("machine.handoff_on_dropper_core", m.handoffOnDropperCore()
                    + ", pulled to another core after " + Durations.format(m.migrationCostNanos())));
        }
        if (m.syscallScale() != 1.0) {
            out.add(new Parameter("machine.syscall_scale", m.syscallScale() + " times each syscall's given duration"));
        }
        if (m.condvarGroups()) {
            out.add(new Parameter("machine.condvar_groups", "true (with the fifo wake-up policy)"));
        }
        if (m.timeoutBehindHolder() > 0) {
            out.add(new Parameter("machine.timeout_behind_holder", m.timeoutBehindHolder()
                    + " of the timeouts on the holder's core"));
        }
        if (m.awakeWindowNanos() > 0) {
            out.add(new Parameter("machine.awake_window", Durations.format(m.awakeWindowNanos())
                    + ", a caught signal's waiter running " + m.awakeReturn().describe() + " later"));
        }
        if (m.interruptEveryNanos() > 0) {
            out.add(new Parameter("machine.interrupt_every", Durations.format(m.interruptEveryNanos())
                    + " of CPU time on average, each " + Durations.format(m.interruptCostNanos())));
        }
    }

    /** Everything a server item resolves to, as the scenario's paths name it (issue 10). */
    private static void server(List<Parameter> out, ServerSetup setup, Scenario s) {
        ServerSpec v = setup.spec();
        String at = "servers." + v.name() + ".";
        out.add(new Parameter(at + "workers", Integer.toString(v.workers())));
        out.add(new Parameter(at + "dispatch", v.dispatch().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        gil(out, at + "python.", setup.gil());
        for (EndpointSpec e : v.endpoints()) {
            String limit = e.limit() == null ? "" : "; " + limit(e.limit());
            out.add(new Parameter(at + "endpoints." + e.name(), (e.kind() == EndpointKind.ASYNC ? "async def" : "def")
                    + ", weight " + number(e.weight()) + ": " + ProgramStep.describe(e.steps()) + limit));
        }
        for (int i = 0; i < v.arrivals().size(); i++) {
            out.add(new Parameter(at + "arrivals." + i, arrival(v.arrivals().get(i))));
        }
        for (ExecutorSpec x : v.executors()) {
            out.add(new Parameter(at + "executors." + x.name(), executor(x, s)));
        }
        if (v.limit() != null) {
            out.add(new Parameter(at + "limit", limit(v.limit())));
        }
        HttpOverhead h = v.http();
        out.add(new Parameter(at + "http", "recv " + h.recv().describe() + ", parse " + h.parse().describe()
                + ", respond " + h.respond().describe() + ", send " + h.send().describe() + ", client "
                + h.client().describe()));
        LoopSpec l = v.loop();
        LoopCosts c = l.costs();
        out.add(new Parameter(at + "loop", "heartbeat " + (l.heartbeatPeriodNanos() == null ? "off"
                : Durations.format(l.heartbeatPeriodNanos())) + ", select " + c.select().describe() + ", handle "
                + c.handle().describe() + ", timer wake-up " + c.timerWakeup().describe()
                + (c.beforeSleep().expectedNanos() > 0 ? ", before sleep " + c.beforeSleep().describe() : "")
                + (c.afterTimer().expectedNanos() > 0 ? ", after a timer " + c.afterTimer().describe() : "")));
        if (v.jobs() != null) {
            JobQueueSpec j = v.jobs();
            out.add(new Parameter(at + "jobs", j.workers() + " worker" + (j.workers() == 1 ? "" : "s") + ", submit "
                    + j.submitEndpoint() + ", status " + j.statusEndpoint() + ", poll every "
                    + j.pollInterval().describe() + ": " + ProgramStep.describe(j.jobSteps())));
        }
        ThreadRows rows = new ThreadRows(at + "threads.", out);
        for (BackgroundThreadSpec t : v.backgroundThreads()) {
            rows.add(t.name(), t.program().describe());
        }
        rows.flush();
    }

    private static String arrival(ArrivalSpec a) {
        String to = a.endpoint() == null ? " (endpoints by weight)" : " to " + a.endpoint();
        if (a instanceof ArrivalSpec.Poisson p) {
            return "Poisson, " + number(p.ratePerSecond()) + "/s from " + Durations.format(p.startNanos()) + to;
        }
        if (a instanceof ArrivalSpec.FixedInterval f) {
            return "every " + Durations.format(f.intervalNanos()) + " from " + Durations.format(f.startNanos()) + to;
        }
        if (a instanceof ArrivalSpec.Burst b) {
            return b.count() + " at once at " + Durations.format(b.atNanos()) + to;
        }
        ArrivalSpec.ClosedLoop c = (ArrivalSpec.ClosedLoop) a;
        return c.clients() + " closed-loop client" + (c.clients() == 1 ? "" : "s") + ", think "
                + c.thinkTime().describe() + ", from " + Durations.format(c.startNanos()) + to;
    }

    private static String executor(ExecutorSpec x, Scenario s) {
        if (x instanceof ExecutorSpec.ThreadPool t) {
            return "thread pool, max_workers " + (t.maxWorkers() == null
                    ? s.poolDefaults().threadPoolMaxWorkers() + " (the default)" : t.maxWorkers())
                    + (t.perRequest() ? ", one per request" : "");
        }
        if (x instanceof ExecutorSpec.AnyioLimiter a) {
            return "anyio, " + a.tokens() + " tokens";
        }
        if (x instanceof ExecutorSpec.ProcessPool p) {
            return "process pool, max_workers " + (p.maxWorkers() == null
                    ? s.poolDefaults().processPoolMaxWorkers() + " (the default)" : p.maxWorkers()) + ", "
                    + p.startMethod().name().toLowerCase(Locale.ROOT) + (p.perRequest() ? ", one per request" : "");
        }
        return x.name();
    }

    private static String limit(LimitSpec l) {
        return "at most " + l.maxConcurrent() + " at once, " + l.maxQueued() + " queued";
    }

    private static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", x)).stripTrailingZeros().toPlainString();
    }

    private static void gil(List<Parameter> out, String at, GilSettings g) {
        out.add(new Parameter(at + "build", g.build() == Build.GIL ? "gil" : "free-threaded"));
        // C8: how time.sleep(0) runs on this version, which sets the convoy of a zero sleep.
        out.add(new Parameter(at + "zero_sleep", g.zeroSleepReturnsAtOnce()
                ? "select(), returns at once: " + Durations.format(g.zeroSleepSyscallNanos())
                : "a timed sleep (timer slack)"));
        if (g.build() == Build.GIL) {
            out.add(new Parameter(at + "switch_interval", Durations.format(g.switchIntervalNanos())));
            out.add(new Parameter(at + "check_interval", Durations.format(g.checkIntervalNanos())));
            out.add(new Parameter(at + "wakeup_latency", g.wakeupLatency().describe()));
            out.add(new Parameter(at + "wakeup_policy", g.wakeupPolicy().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-')));
            RequesterWins wins = g.requesterWins();
            out.add(new Parameter(at + "requester_wins", number(wins.share()) + (wins.youngWaitNanos() > 0
                    ? ", " + number(wins.shareAgainstYoung()) + " against a waiter younger than "
                    + Durations.format(wins.youngWaitNanos()) : "")));
            out.add(new Parameter(at + "drop_overhead", g.dropOverhead().describe()));
        } else {
            out.add(new Parameter(at + "free_threaded_slowdown",
                    String.format(Locale.ROOT, "%.2f", g.freeThreadedSlowdown())));
        }
    }
}
