package dev.gilsim.metrics;

import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ThreadState;
import java.util.ArrayList;
import java.util.List;

/** Turns finished metrics into summaries. */
public final class Summaries {
    private Summaries() {
    }

    public static RunSummary of(String variant, Machine machine, GilMetrics metrics, long events) {
        return of(variant, machine, metrics, events, AppSummary.EMPTY);
    }

    public static RunSummary of(String variant, Machine machine, GilMetrics metrics, long events, AppSummary app) {
        Window w = metrics.window();
        double window = w.length();
        List<ThreadSummary> threads = new ArrayList<>();
        for (ThreadMetrics m : metrics.threads()) {
            threads.add(thread(m, window));
        }
        List<ProcessSummary> processes = new ArrayList<>();
        for (Interpreter i : machine.interpreters()) {
            processes.add(process(i, metrics.threadsOf(i), window));
        }
        double utilisation = metrics.coreNanos() / (window * machine.cores().count());
        return new RunSummary(variant, events, utilisation, processes, threads, app);
    }

    private static ThreadSummary thread(ThreadMetrics m, double window) {
        return new ThreadSummary(m.thread().interpreter().name(), m.thread().name(),
                (m.nanosIn(ThreadState.HOLDING) + m.nanosIn(ThreadState.HOLDING_NATIVE)
                        + m.nanosIn(ThreadState.HOLDING_DESCHEDULED)) / window,
                m.nanosIn(ThreadState.GIL_WAIT) / window,
                m.nanosIn(ThreadState.IO) / window,
                (m.nanosIn(ThreadState.NATIVE_RELEASED) + m.nanosIn(ThreadState.NATIVE_DESCHEDULED)) / window,
                m.nanosIn(ThreadState.BLOCKED) / window,
                (m.nanosIn(ThreadState.HOLDING) + m.nanosIn(ThreadState.HOLDING_NATIVE)
                        + m.nanosIn(ThreadState.NATIVE_RELEASED)) / window,
                (m.nanosIn(ThreadState.HOLDING_DESCHEDULED) + m.nanosIn(ThreadState.NATIVE_DESCHEDULED)) / window,
                m.iterations(), m.iterations() / (window / 1e9),
                m.acquisitions(), m.forcedDrops(), m.voluntaryDrops(), m.dropRequestsMade(),
                m.dropRequestsReceived(), m.gilWaits().summary(), m.returnDelays().summary());
    }

    private static ProcessSummary process(Interpreter i, List<ThreadMetrics> threads, double window) {
        long held = 0;
        long acquisitions = 0;
        long switches = 0;
        long forced = 0;
        long voluntary = 0;
        long requests = 0;
        LatencyRecorder waits = new LatencyRecorder();
        for (ThreadMetrics m : threads) {
            held += m.nanosIn(ThreadState.HOLDING) + m.nanosIn(ThreadState.HOLDING_NATIVE)
                    + m.nanosIn(ThreadState.HOLDING_DESCHEDULED);
            acquisitions += m.acquisitions();
            switches += m.switchesIn();
            forced += m.forcedDrops();
            voluntary += m.voluntaryDrops();
            requests += m.dropRequestsMade();
            waits.add(m.gilWaits());
        }
        boolean gil = i.settings().build() == Build.GIL;
        return new ProcessSummary(i.name(), gil ? "gil" : "free-threaded", gil ? held / window : 0,
                acquisitions, switches, forced, voluntary, requests, waits.summary());
    }
}
