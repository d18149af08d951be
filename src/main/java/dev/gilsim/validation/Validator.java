package dev.gilsim.validation;

import dev.gilsim.metrics.LatencyRecorder;
import dev.gilsim.run.Parallel;
import dev.gilsim.run.RunResult;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Defaults;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Simulates every measured experiment with the measured run's parameters, over several seeds,
 * and compares figure by figure. Each simulation is independent and its results land in a slot
 * fixed before any runs, so the outcome is the same with any number of jobs.
 */
public final class Validator {
    private final Suite suite;
    private final int seeds;
    private final int jobs;
    private final List<String> extraSets;
    private final Defaults defaults;

    /**
     * @param extraSets overrides applied to every simulated run after the experiment's own, e.g. a
     *                  machine profile's values or a model what-if
     */
    public Validator(Suite suite, int seeds, int jobs, List<String> extraSets) {
        this(suite, seeds, jobs, extraSets, Defaults.get());
    }

    /** @param defaults defaults.yaml, or a machine profile over it */
    public Validator(Suite suite, int seeds, int jobs, List<String> extraSets, Defaults defaults) {
        if (seeds < 1 || jobs < 1) {
            throw new IllegalArgumentException("seeds and jobs must be at least 1");
        }
        this.suite = suite;
        this.seeds = seeds;
        this.jobs = jobs;
        this.extraSets = List.copyOf(extraSets);
        this.defaults = defaults;
    }

    /**
     * One experiment on one version, with the runs measured for it and, for a GIL-releasing call,
     * the runs of the same call measured alone (probe version 1 timed its solo call with the
     * spinners already running, so only the runs without spinners time it truly alone).
     */
    private record Case(String version, Suite.Experiment experiment, List<Measurement> runs,
            List<Measurement> aloneRuns) {
    }

    public Validation validate(Dataset data, Consumer<String> progress) {
        List<Case> cases = new ArrayList<>();
        for (String version : data.versions()) {
            for (Suite.Experiment e : suite.experiments()) {
                List<Measurement> runs = data.runs(version, e.id());
                if (!runs.isEmpty()) {
                    List<Measurement> alone = data.runs(version, e.probe().id() + "-0cpu");
                    cases.add(new Case(version, e, runs, alone.isEmpty() ? runs : alone));
                }
            }
        }
        RunFigures[][] results = simulateAll(cases, progress);
        List<FigureComparison> figures = new ArrayList<>();
        Map<String, Validation.Distributions> distributions = new LinkedHashMap<>();
        for (int c = 0; c < cases.size(); c++) {
            Case k = cases.get(c);
            Probe probe = k.experiment().probe();
            List<Probe.Figure> fs = probe.figures();
            for (int f = 0; f < fs.size(); f++) {
                double[] real = new double[k.runs().size()];
                for (int i = 0; i < real.length; i++) {
                    real[i] = fs.get(f).real().applyAsDouble(k.runs().get(i));
                }
                double[] sim = new double[seeds];
                for (int s = 0; s < seeds; s++) {
                    sim[s] = results[c][s].values()[f];
                }
                figures.add(new FigureComparison(k.version(), k.experiment().id(), fs.get(f).name(),
                        fs.get(f).unit(), median(real), min(real), max(real), real.length,
                        median(sim), min(sim), max(sim), seeds));
            }
            if (probe.latency() != null) {
                LatencyRecorder real = new LatencyRecorder();
                k.runs().forEach(m -> real.add(probe.realDistribution(m)));
                LatencyRecorder sim = new LatencyRecorder();
                for (int s = 0; s < seeds; s++) {
                    sim.add(results[c][s].distribution());
                }
                distributions.put(k.version() + "/" + k.experiment().id(), new Validation.Distributions(
                        k.version(), k.experiment().id(), probe.latency().label(), real, sim));
            }
        }
        return new Validation(figures, distributions, seeds, data.disturbed());
    }

    /** What one simulated run contributes: its figure values and its distribution. */
    private record RunFigures(double[] values, LatencyRecorder distribution) {
    }

    private RunFigures[][] simulateAll(List<Case> cases, Consumer<String> progress) {
        RunFigures[][] out = new RunFigures[cases.size()][seeds];
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "validate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < cases.size(); c++) {
                Case k = cases.get(c);
                Scenario base = scenario(k);
                for (int s = 0; s < seeds; s++) {
                    int ci = c;
                    int si = s;
                    futures.add(pool.submit(() -> {
                        out[ci][si] = figures(k.experiment().probe(), Simulation.run(base.withSeed(si + 1)));
                    }));
                }
            }
            int done = 0;
            for (Future<?> f : futures) {
                Parallel.join(f, "validation");
                done++;
                if (done % Math.max(1, futures.size() / 50) == 0 || done == futures.size()) {
                    progress.accept(String.format(Locale.ROOT, "simulated %d of %d runs", done, futures.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static RunFigures figures(Probe probe, RunResult r) {
        List<Probe.Figure> fs = probe.figures();
        double[] values = new double[fs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fs.get(i).sim().applyAsDouble(r);
        }
        LatencyRecorder dist = new LatencyRecorder();
        if (probe.latency() != null) {
            dist.add(probe.latency().sim().apply(r));
        }
        return new RunFigures(values, dist);
    }

    /** The experiment's scenario with the measured run's parameters. */
    Scenario scenario(Case k) {
        Suite.Experiment e = k.experiment();
        Measurement first = k.runs().get(0);
        double warmupS = e.arg("warmup-s", 0.5);
        double durationS = e.arg("duration-s", 3.0);
        List<String> sets = new ArrayList<>();
        sets.add("warmup=" + Math.round(warmupS * 1000) + "ms");
        sets.add("duration=" + Math.round((warmupS + durationS) * 1000) + "ms");
        sets.add("python.version=\"" + first.minorVersion() + "\"");
        e.set().forEach((path, value) -> sets.add(path + "=" + value));
        sets.addAll(measuredDurations(e.probe(), k.runs(), k.aloneRuns()));
        sets.addAll(extraSets);
        return new ScenarioLoader(defaults).load("probes/scenarios/" + e.scenario(), Suite.scenarioText(e.scenario()), sets)
                .first();
    }

    /** Durations the model takes from the measurement itself: how long the C call took there. */
    private static List<String> measuredDurations(Probe probe, List<Measurement> runs, List<Measurement> alone) {
        switch (probe) {
            case POW: {
                List<Long> all = new ArrayList<>();
                runs.forEach(m -> Arrays.stream(m.samples("pow_ns")).forEach(all::add));
                long us = Math.round(medianOf(all) / 1000.0);
                return List.of("servers.app.endpoints.pow.steps.0.run_in_executor.steps.0.native=" + us + "us");
            }
            case NATIVE_RELEASE: {
                List<Long> all = new ArrayList<>();
                alone.forEach(m -> all.add(Math.round(m.figure("solo_hash_ns"))));
                long us = Math.round(medianOf(all) / 1000.0);
                return List.of("processes.app.threads.hasher.steps.0.native.duration=" + us + "us");
            }
            default:
                return List.of();
        }
    }

    private static double medianOf(List<Long> xs) {
        double[] d = xs.stream().mapToDouble(Long::doubleValue).toArray();
        return median(d);
    }

    static double median(double[] xs) {
        double[] s = Arrays.stream(xs).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
    }
}
