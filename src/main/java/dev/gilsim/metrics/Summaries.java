package dev.gilsim.metrics;

import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns finished metrics into the run's summary. Processes' and threads' figures are the
 * registry's ({@code results.ProcessFigures}, {@code results.ThreadFigures}), computed there from
 * each process's {@link ProcessMetrics} and each thread's {@link ThreadMetrics}.
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
        List<ProcessMetrics> processes = new ArrayList<>();
        for (Interpreter i : machine.interpreters()) {
            processes.add(process(i, metrics.threadsOf(i), window));
        }
        double utilisation = metrics.coreNanos() / (window * machine.cores().count());
        return new RunSummary(variant, events, utilisation, processes, app);
    }

    private static ProcessMetrics process(Interpreter i, List<ThreadMetrics> threads, double window) {
        return new ProcessMetrics(i.name(), i.settings().build() == Build.GIL ? "gil" : "free-threaded", threads,
                window);
    }
}
