package dev.gilsim.sweep;

import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.results.RunFigures;
import dev.gilsim.run.Parallel;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.SweepPlan;
import dev.gilsim.scenario.SweepPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a sweep's points and their replications in parallel, each replication's variants in
 * order, storing each point as its last replication completes. Every run is an independent object and its seed depends only on its
 * replication number, so results do not depend on how many jobs ran or in which order.
 */
public final class SweepRunner {
    private final SweepPlan plan;
    private final Points store;
    private final int jobs;
    private final Shard shard;
    private final Progress progress;

    /** {@code store} keeps finished points, so a stopped sweep resumes. */
    public SweepRunner(SweepPlan plan, Points store, int jobs, Shard shard, Progress progress) {
        this.plan = plan;
        this.store = store;
        this.jobs = jobs;
        this.shard = shard;
        this.progress = progress;
    }

    /**
     * Common random numbers: replication 0 runs with the scenario's own seed (so it equals a plain
     * run), replication k with a seed derived from it, the same at every point.
     */
    public static long replicationSeed(long baseSeed, int replication) {
        return replication == 0 ? baseSeed : RandomStreams.deriveSeed(baseSeed, "replication:" + replication);
    }

    /**
     * What a call of {@link #run()} did: points simulated (the rest were on disk), the wall time
     * it took, and the CPU time its runs' threads spent, added up. Not a speed-up against one job:
     * runs that share the processors with each other, the JIT and the chart writers take longer
     * each, so their wall times added up overstate what the jobs gained (measured on our 2-core
     * VM: the sum of wall times said 2.0x, the whole process with 2 jobs was 0.8 to 1.0x as fast
     * as with 1); only timing both tells the gain.
     */
    public record Ran(int points, int runs, long wallNanos, long runCpuNanos) {
        /** The processors the runs kept busy on average: their CPU time over the wall time. */
        public double busyProcessors() {
            return wallNanos <= 0 ? 0 : (double) runCpuNanos / wallNanos;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The calling thread's CPU time, or its wall clock where the JVM cannot tell CPU time. */
    private static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * Runs this shard's missing points. Each replication of each point is a task of its own, so
     * a sweep of few points and many replications keeps every job busy too; a point is stored once
     * its last replication is in.
     */
    public Ran run() {
        long started = System.nanoTime();
        List<SweepPoint> mine = plan.points().stream().filter(p -> shard.includes(p.index())).toList();
        List<SweepPoint> todo = mine.stream().filter(p -> store.read(p.index()) == null).toList();
        progress.started(mine.size(), mine.size() - todo.size());
        if (todo.isEmpty()) {
            progress.finished();
            return new Ran(0, 0, System.nanoTime() - started, 0);
        }
        int replications = plan.replications();
        AtomicInteger done = new AtomicInteger(mine.size() - todo.size());
        AtomicLong runCpuNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, todo.size() * replications), r -> {
            Thread t = new Thread(r, "gilsim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepPoint p : todo) {
                PointResult.Replication[] reps = new PointResult.Replication[replications];
                AtomicInteger left = new AtomicInteger(replications);
                for (int k = 0; k < replications; k++) {
                    int rep = k;
                    futures.add(pool.submit(() -> {
                        long t0 = threadCpuNanos();
                        reps[rep] = runReplication(p, rep);
                        runCpuNanos.addAndGet(threadCpuNanos() - t0);
                        // The last replication in stores the point; the counter orders the writes
                        // of the array before this read.
                        if (left.decrementAndGet() == 0) {
                            try {
                                store.write(new PointResult(p.index(), p.values(), List.of(reps)));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            progress.pointDone(done.incrementAndGet(), mine.size());
                        }
                    }));
                }
            }
            for (Future<?> f : futures) {
                Parallel.join(f, "sweep");
            }
        } finally {
            pool.shutdownNow();
            progress.finished();
        }
        return new Ran(todo.size(), todo.size() * replications * todo.get(0).file().variants().size(),
                System.nanoTime() - started, runCpuNanos.get());
    }

    /**
     * The metric names a run of the sweep's first point reports, from a brief simulation: a
     * misspelt {@code metric:} is found before the first point runs, not after the last.
     */
    public static Set<String> metricNames(SweepPlan plan) {
        Scenario first = plan.points().get(0).file().variants().get(0);
        return RunFigures.of(Simulation.run(first.brief())).keySet();
    }

    public static PointResult runPoint(SweepPlan plan, SweepPoint p) {
        List<PointResult.Replication> reps = new ArrayList<>();
        for (int k = 0; k < plan.replications(); k++) {
            reps.add(runReplication(p, k));
        }
        return new PointResult(p.index(), p.values(), reps);
    }

    /** One replication of a point: each variant with the replication's seed, in order. */
    static PointResult.Replication runReplication(SweepPoint p, int k) {
        Map<String, Map<String, Double>> variants = new LinkedHashMap<>();
        long seed = 0;
        for (Scenario s : p.file().variants()) {
            seed = replicationSeed(s.seed(), k);
            RunResult r = Simulation.run(s.withSeed(seed));
            variants.put(s.variant(), RunFigures.of(r));
        }
        return new PointResult.Replication(k, seed, variants);
    }
}
