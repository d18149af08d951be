package dev.gilsim.metrics;

import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ThreadState;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns finished metrics into the run's and processes' summaries. A thread's figures are the
 * registry's ({@code results.ThreadFigures}), computed there from the thread's {@link ThreadMetrics}.
 */
public final class Summaries {
    private Summaries() {
    }

    public static RunSummary of(String variant, Machine machine, GilMetrics metrics, long events) {
        return of(variant, machine, metrics, events, AppSummary.EMPTY);
    }

    public static RunSummary of(String variant, Machine machine, GilMetrics metrics, long events, AppSummary app) {
        Window w = metrics.window();
        double window = w.length();
        List<ProcessSummary> processes = new ArrayList<>();
        for (Interpreter i : machine.interpreters()) {
            processes.add(process(i, metrics.threadsOf(i), window));
        }
        double utilisation = metrics.coreNanos() / (window * machine.cores().count());
        return new RunSummary(variant, events, utilisation, processes, app);
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
