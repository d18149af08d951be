package dev.gilsim.cli;

import dev.gilsim.metrics.GilEventLog;
import dev.gilsim.metrics.Window;
import dev.gilsim.run.Progress;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Simulates a scenario file's variants for {@code gilsim run}, side by side on up to one thread
 * per processor. Variants share nothing that changes (each has its own simulator, metrics and
 * random streams, seeded from its own scenario), so every result is the one the variant gives
 * alone; only the wall time differs. A failure is the one running the variants one after the
 * other would have reported: the first variant's in file order, whichever failed first in time;
 * the variants still running are stopped at their next slice of virtual time.
 */
final class VariantRuns {
    /**
     * Every variant's result in file order, with {@code --gil-events} each one's GIL events by
     * variant name, and the wall time they took together (less than the sum of their own).
     */
    record Ran(List<RunResult> results, Map<String, GilEventLog> gilEvents, long wallNanos) {
    }

    /** Thrown into a variant still running once another's failure has been chosen to report. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped: another variant failed", null, false, false);
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private VariantRuns() {
    }

    /** One variant's result, and its GIL events when they were kept. */
    private record Simulated(RunResult result, GilEventLog gilEvents) {
    }

    /**
     * Runs every variant with the timeline window {@code windows} gives it; {@code progress} may be
     * called from several threads at once.
     */
    static Ran simulate(List<Scenario> variants, Function<Scenario, Window> windows, boolean gilEvents,
            Progress progress) {
        long started = System.nanoTime();
        int threads = Math.min(variants.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            List<Simulated> done = new ArrayList<>();
            for (Scenario s : variants) {
                done.add(simulate(s, windows, gilEvents, progress));
            }
            return ran(variants, done, started);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gilsim-variant-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean stop = new AtomicBoolean();
        // Never Progress.NONE: a variant runs in slices, so a stop reaches it (slices do not change its events).
        Progress checked = (variant, now, end, events) -> {
            if (stop.get()) {
                throw new Stopped();
            }
            progress.update(variant, now, end, events);
        };
        try {
            List<Future<Simulated>> futures = new ArrayList<>();
            for (Scenario s : variants) {
                futures.add(pool.submit(() -> simulate(s, windows, gilEvents, checked)));
            }
            List<Simulated> done = new ArrayList<>();
            for (Future<Simulated> f : futures) {
                done.add(result(f));
            }
            return ran(variants, done, started);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /** Builds the variant's model and runs it; only its results outlive the call, not the simulator. */
    private static Simulated simulate(Scenario s, Function<Scenario, Window> windows, boolean gilEvents,
            Progress progress) {
        Simulation sim = new Simulation(s, windows.apply(s), gilEvents);
        RunResult result = sim.run(progress);
        return new Simulated(result, gilEvents ? sim.gilEvents() : null);
    }

    private static Simulated result(Future<Simulated> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the variants ran", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Ran ran(List<Scenario> variants, List<Simulated> done, long started) {
        List<RunResult> results = new ArrayList<>();
        Map<String, GilEventLog> logs = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            results.add(done.get(i).result());
            if (done.get(i).gilEvents() != null) {
                logs.put(variants.get(i).variant(), done.get(i).gilEvents());
            }
        }
        return new Ran(List.copyOf(results), logs, System.nanoTime() - started);
    }
}
