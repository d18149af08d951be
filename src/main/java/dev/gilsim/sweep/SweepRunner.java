package dev.gilsim.sweep;

import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.report.SummaryJson;
import dev.gilsim.run.Parallel;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.SweepPlan;
import dev.gilsim.scenario.SweepPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep's points in parallel, each point's replications and variants in order, storing
 * each point as it completes. Every run is an independent object and its seed depends only on its
 * replication number, so results do not depend on how many jobs ran or in which order.
 */
public final class SweepRunner {
    private final SweepPlan plan;
    private final PointStore store;
    private final int jobs;
    private final Shard shard;
    private final Progress progress;

    public SweepRunner(SweepPlan plan, Path sweepDir, int jobs, Shard shard, Progress progress) {
        this.plan = plan;
        this.store = new PointStore(sweepDir, plan.fingerprint());
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

    /** Runs this shard's missing points; returns how many were run (the rest were on disk). */
    public int run() {
        List<SweepPoint> mine = plan.points().stream().filter(p -> shard.includes(p.index())).toList();
        List<SweepPoint> todo = mine.stream().filter(p -> store.read(p.index()) == null).toList();
        progress.started(mine.size(), mine.size() - todo.size());
        if (todo.isEmpty()) {
            progress.finished();
            return 0;
        }
        AtomicInteger done = new AtomicInteger(mine.size() - todo.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, todo.size()), r -> {
            Thread t = new Thread(r, "gilsim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepPoint p : todo) {
                futures.add(pool.submit(() -> {
                    try {
                        store.write(runPoint(plan, p));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    progress.pointDone(done.incrementAndGet(), mine.size());
                }));
            }
            for (Future<?> f : futures) {
                Parallel.join(f, "sweep");
            }
        } finally {
            pool.shutdownNow();
            progress.finished();
        }
        return todo.size();
    }

    /**
     * The metric names a run of the sweep's first point reports, from a brief simulation: a
     * misspelt {@code metric:} is found before the first point runs, not after the last.
     */
    public static Set<String> metricNames(SweepPlan plan) {
        Scenario first = plan.points().get(0).file().variants().get(0);
        return MetricPaths.flatten(SummaryJson.variant(Simulation.run(first.brief()))).keySet();
    }

    public static PointResult runPoint(SweepPlan plan, SweepPoint p) {
        List<PointResult.Replication> reps = new ArrayList<>();
        for (int k = 0; k < plan.replications(); k++) {
            Map<String, Map<String, Double>> variants = new LinkedHashMap<>();
            long seed = 0;
            for (Scenario s : p.file().variants()) {
                seed = replicationSeed(s.seed(), k);
                RunResult r = Simulation.run(s.withSeed(seed));
                variants.put(s.variant(), MetricPaths.flatten(SummaryJson.variant(r)));
            }
            reps.add(new PointResult.Replication(k, seed, variants));
        }
        return new PointResult(p.index(), p.values(), reps);
    }

    /** The sweep's points read back from the given folders (shards), in order; missing ones are listed. */
    public static List<PointResult> collect(SweepInfo info, List<Path> sweepDirs, List<Integer> missing) {
        List<PointStore> stores = sweepDirs.stream().map(d -> new PointStore(d, info.fingerprint())).toList();
        List<PointResult> out = new ArrayList<>();
        for (int i = 0; i < info.points(); i++) {
            PointResult found = null;
            for (PointStore s : stores) {
                found = s.read(i);
                if (found != null) {
                    break;
                }
            }
            if (found == null) {
                missing.add(i);
            } else {
                out.add(found);
            }
        }
        return out;
    }
}
