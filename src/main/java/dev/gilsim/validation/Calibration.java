package dev.gilsim.validation;

import dev.gilsim.interpreter.PythonVersion;
import dev.gilsim.metrics.LatencyRecorder;
import dev.gilsim.scenario.Defaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the machine parameters the model needs from probe measurements of one CPython: the
 * wake-up latency of a signalled thread (G6), the polled wake-up of a short sleep (C5), the timer
 * slack (C4), the forced dropper's return (C6), the loop's timer wake-up (L6), the host's syscall
 * cost (C12), how often the asker of a drop wins it (G11), and whether glibc's groups with
 * timeouts queued behind the holder fit better than neither (G12, C13). Each fitted value comes
 * with the measurement it was read from, so a profile says why it holds what it holds.
 */
public final class Calibration {
    /** One fitted parameter: its path in defaults.yaml, its value in YAML, and its evidence. */
    public record Fitted(String path, String value, String evidence) {
        /** As {@code --set} takes it, for a scenario field ({@code machine.}, {@code python.}). */
        public String assignment() {
            return path + "=" + value;
        }
    }

    /** The experiments a calibration reads: a few minutes of measuring. */
    public static final String EXPERIMENTS =
            "^(spinners-.*|convoy-(sleep0|pipe)-0cpu|convoy-pipe-1cpu|heartbeat-5ms-0cpu|heartbeat-(1|5|20)ms-(2|4)cpu|sleeper-1ms-2cpu)$";

    private final Dataset data;
    private final String version;
    private final List<String> scored;

    public Calibration(Dataset data, String version) {
        this(data, version, List.of(version));
    }

    /**
     * Fits the direct measurements ({@code time.sleep(0)}, the pipe's syscalls, the idle loop,
     * the timer slack) on {@code version}'s runs, and scores every candidate of the grids (the
     * wake-ups, the asker's shares, the groups) on the runs of all the {@code scored} versions:
     * those values belong to the host, and more versions measured on it are more evidence.
     */
    public Calibration(Dataset data, String version, List<String> scored) {
        for (String v : concat(version, scored)) {
            if (!data.versions().contains(v)) {
                throw new IllegalArgumentException("no quiet measurements of CPython " + v);
            }
        }
        if (scored.isEmpty()) {
            throw new IllegalArgumentException("no version to score the candidates on");
        }
        this.data = data;
        this.version = version;
        this.scored = List.copyOf(scored);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    public List<Fitted> fit() {
        List<Fitted> out = new ArrayList<>();
        long slack = timerSlack();
        if (slack >= 0) {
            out.add(new Fitted("machine.timer_slack", us(slack),
                    "the probe process's /proc/self/timerslack_ns"));
        }
        LatencyRecorder sleep0 = pooled("convoy-sleep0-0cpu", "op_ns");
        // C8: before 3.11 time.sleep(0) never sleeps, so it measures no slack and no wake-up.
        if (sleep0.count() > 0 && slack >= 0 && zeroSleepSleeps()) {
            double p50 = sleep0.histogram().getValueAtPercentile(50);
            double polled = Math.max(500, p50 - slack);
            out.add(new Fitted("machine.polled_wakeup",
                    String.format(Locale.ROOT, "{lognormal: {median: %s, sigma: 0.5}}", us(polled)),
                    String.format(Locale.ROOT, "time.sleep(0) alone takes %s at the median: the timer slack and a polled wake-up",
                            us(p50))));
        }
        return out;
    }

    /** C8: whether this version's {@code time.sleep(0)} is a timed sleep (3.11 on) or a bare syscall. */
    private boolean zeroSleepSleeps() {
        return PythonVersion.parse(Measurement.minorVersion(version))
                .map(v -> !Defaults.get().version(v).has("zero_sleep"))
                .orElse(true);
    }

    /** The wake-up latencies tried for G6, in microseconds, as medians of a lognormal. */
    private static final int[] WAKEUP_MEDIANS_US = {25, 35, 45, 60, 80};

    /**
     * G6: the median wake-up latency that puts most of the scored versions' figures in band, with the
     * other fitted values applied; the spread comes from the measured hand-off gaps. The gaps alone
     * (a CPU-bound thread woken on an idle core) are faster than the model's other wake-ups need.
     */
    public Fitted wakeupLatency(Suite suite, List<String> fittedSets, int jobs) {
        LatencyRecorder gaps = pooled("spinners-", "switch_gap_ns");
        double sigma = 0.6;
        String gapText = "no hand-off gaps measured";
        if (gaps.count() > 0) {
            double p50 = gaps.histogram().getValueAtPercentile(50);
            double p90 = gaps.histogram().getValueAtPercentile(90);
            sigma = Math.max(0.2, Math.min(1.0, Math.log(p90 / p50) / 1.2816));
            gapText = String.format(Locale.ROOT, "hand-off gaps between CPU-bound threads measure p50 %s, p90 %s",
                    us(p50), us(p90));
        }
        return bestOf(suite, fittedSets, jobs, "python.wakeup_latency", WAKEUP_MEDIANS_US, sigma, gapText);
    }

    /** G11's shares tried: against an old waiter, and against a young one (at most as high). */
    private static final double[] ASKER_SHARES = {0.2, 0.4, 0.6, 0.8};
    private static final double[] ASKER_SHARES_AGAINST_YOUNG = {0.1, 0.3, 0.5};

    /**
     * G11: the asker's shares that put most figures in band, with the other fitted values applied.
     * They belong to the machine more than to Python: the asker wins when the holder's signal comes
     * before it is asleep again, and how soon that is differs between hosts (traced: 1 to 52 % on
     * an Intel Xeon VM, 64 to 89 % on an AMD EPYC one, the same CPython; docs/model.md section 9).
     * Only the contended experiments (several threads wanting the GIL) can tell the shares apart,
     * but every measured figure scores them, so that they do not buy those few at the others' cost.
     */
    public List<Fitted> requesterShares(Suite suite, List<String> fittedSets, int jobs) {
        Dataset one = scored(suite);
        if (scored(suite.only(CONTENDED)).versions().isEmpty()) {
            return List.of();
        }
        double best = -1;
        double bestOld = ASKER_SHARES[0];
        double bestYoung = ASKER_SHARES_AGAINST_YOUNG[0];
        for (double old : ASKER_SHARES) {
            for (double young : ASKER_SHARES_AGAINST_YOUNG) {
                if (young > old) {
                    continue;
                }
                List<String> sets = new ArrayList<>(fittedSets);
                sets.add("python.requester_wins=" + old);
                sets.add("python.requester_wins_against_young=" + young);
                double score = score(suite, one, sets, 3, jobs);
                if (score > best) {
                    best = score;
                    bestOld = old;
                    bestYoung = young;
                }
            }
        }
        String tried = String.format(Locale.ROOT, "of shares %s against an old waiter and %s against a young one, "
                + "the pair that puts most figures in band (%.0f%%)", java.util.Arrays.toString(ASKER_SHARES),
                java.util.Arrays.toString(ASKER_SHARES_AGAINST_YOUNG), 100 * best);
        return List.of(new Fitted("python.requester_wins", String.valueOf(bestOld), tried),
                new Fitted("python.requester_wins_against_young", String.valueOf(bestYoung),
                        "fitted with requester_wins, above"));
    }

    /** C13's shares tried with G12's groups, each against neither rule. */
    private static final double[] TIMEOUT_BEHIND_HOLDER = {0.1, 0.2};

    /**
     * G12 and C13 together, or neither: whichever puts most figures in band, with the other fitted
     * values applied. glibc's groups are traced on the AMD host (docs/model.md section 9), but
     * with the Intel host's values, fitted without them, they fit its measurements worse, so the
     * measurements decide per host.
     */
    public List<Fitted> waiterPlacement(Suite suite, List<String> fittedSets, int jobs) {
        Dataset one = scored(suite);
        if (scored(suite.only(CONTENDED)).versions().isEmpty()) {
            return List.of();
        }
        double without = score(suite, one, fittedSets, 3, jobs);
        double best = without;
        double bestShare = 0;
        for (double share : TIMEOUT_BEHIND_HOLDER) {
            List<String> sets = new ArrayList<>(fittedSets);
            sets.add("machine.condvar_groups=true");
            sets.add("machine.timeout_behind_holder=" + share);
            double score = score(suite, one, sets, 3, jobs);
            if (score > best) {
                best = score;
                bestShare = share;
            }
        }
        String shares = java.util.Arrays.toString(TIMEOUT_BEHIND_HOLDER);
        String tried = bestShare > 0
                ? String.format(Locale.ROOT, "glibc's groups, with %s of the timeouts on the holder's core queued behind "
                        + "it (of %s), put %.0f%% of figures in band, against %.0f%% without either", bestShare, shares,
                        100 * best, 100 * without)
                : String.format(Locale.ROOT, "glibc's groups, with %s of the timeouts on the holder's core queued behind "
                        + "it, put fewer figures in band than neither (%.0f%%)", shares, 100 * without);
        return List.of(new Fitted("machine.condvar_groups", String.valueOf(bestShare > 0), tried),
                new Fitted("machine.timeout_behind_holder", String.valueOf(bestShare), "fitted with condvar_groups, above"));
    }

    /** The convoy's experiments: a short release beside CPU-bound threads, which G13's window decides. */
    static final String CONVOY = "^convoy-";

    /**
     * G13's window as defaults.yaml has it, or off: whichever puts more of the convoy's figures in
     * band, with the other fitted values applied. Traced on both hosts (docs/model.md section 9),
     * but whether the model's convoy fits better with it depends on the host's other values (how
     * long its releases take, how fast a woken waiter runs), so the measurements decide per host.
     */
    public Fitted awakeWindow(Suite suite, List<String> fittedSets, int jobs) {
        Suite convoy = suite.only(CONVOY);
        Dataset one = scored(convoy);
        Validation on = new Validator(convoy, 3, jobs, fittedSets).validate(one, x -> { });
        List<String> sets = new ArrayList<>(fittedSets);
        sets.add("machine.awake_window=0");
        Validation off = new Validator(convoy, 3, jobs, sets).validate(one, x -> { });
        // A tie in band goes to the closer figures: the window moves the convoy's ops/s by times.
        boolean keepOff = off.score() > on.score()
                || off.score() == on.score() && off.geometricMeanRatio() < on.geometricMeanRatio();
        String window = dev.gilsim.scenario.Nodes.string(((dev.gilsim.scenario.MapNode) Defaults.get().scenarioDefaults()
                .get("machine").orElseThrow()).get("awake_window").orElseThrow());
        return new Fitted("machine.awake_window", keepOff ? "0" : window, String.format(Locale.ROOT,
                "a waiter that lost a release's race catches the next signal awake within %s: %.0f%% of the convoy's "
                        + "figures in band (ratio %.2f), against %.0f%% (%.2f) with the window off", window,
                100 * on.score(), on.geometricMeanRatio(), 100 * off.score(), off.geometricMeanRatio()));
    }

    /** The experiments where several threads want the GIL, which G11's shares decide. */
    static final String CONTENDED = "^(heartbeat-(1|5|20)ms-(2|4)cpu|sleeper-1ms-2cpu)$";

    /** This version's measurements of the suite's experiments. */
    private Dataset measured(Suite suite) {
        return runsOf(suite, List.of(version));
    }

    /** The scored versions' measurements of the suite's experiments. */
    private Dataset scored(Suite suite) {
        return runsOf(suite, scored);
    }

    private Dataset runsOf(Suite suite, List<String> versions) {
        Dataset runs = new Dataset();
        for (String v : versions) {
            for (Suite.Experiment e : suite.experiments()) {
                data.runs(v, e.id()).forEach(runs::add);
            }
        }
        return runs;
    }

    /** The forced dropper's return (C6) tried, in microseconds, as medians of a lognormal. */
    private static final int[] HANDOFF_MEDIANS_US = {5, 10, 15, 20};

    /**
     * C6: the median return of a forced dropper that puts most of the scored versions' figures in band,
     * with the other fitted values applied. Measured directly, the dropper resumes 14 to 20 us
     * after the hand-off (taking the GIL included), which bounds the candidates.
     */
    public Fitted handoffWakeup(Suite suite, List<String> fittedSets, int jobs) {
        return bestOf(suite, fittedSets, jobs, "machine.handoff_wakeup", HANDOFF_MEDIANS_US, 0.4,
                "the forced CPU-bound thread resumes 14 to 20 us after the hand-off on our VM (convoy-pipe-1cpu)");
    }

    /** The share of these measured figures in band with these values set, over {@code seeds}. */
    private static double score(Suite suite, Dataset one, List<String> sets, int seeds, int jobs) {
        return new Validator(suite, seeds, jobs, sets).validate(one, x -> { }).score();
    }

    /** The candidate median (a lognormal of {@code sigma}) that puts most figures in band. */
    private Fitted bestOf(Suite suite, List<String> fittedSets, int jobs, String path, int[] mediansUs, double sigma,
            String evidence) {
        Dataset one = scored(suite);
        double best = -1;
        int bestUs = mediansUs[0];
        for (int median : mediansUs) {
            List<String> sets = new ArrayList<>(fittedSets);
            sets.add(String.format(Locale.ROOT, "%s={lognormal: {median: %dus, sigma: %.2f}}", path, median, sigma));
            double score = score(suite, one, sets, 2, jobs);
            if (score > best) {
                best = score;
                bestUs = median;
            }
        }
        return new Fitted(path, String.format(Locale.ROOT, "{lognormal: {median: %dus, sigma: %.2f}}", bestUs, sigma),
                String.format(Locale.ROOT, "of medians %s us, the one that puts most figures in band (%.0f%%); %s",
                        java.util.Arrays.toString(mediansUs), 100 * best, evidence));
    }

    /**
     * The scored versions' measured figures against the model with these defaults (defaults.yaml,
     * or a profile over it), over 3 seeds: what a profile is worth on this host.
     */
    public Validation validate(dev.gilsim.scenario.Defaults defaults, int jobs) {
        return new Validator(Suite.builtin(), 3, jobs, List.of(), defaults).validate(scored(Suite.builtin()), s -> { });
    }

    /** C12: real over simulated pipe ops that count as the reference host's syscalls. */
    private static final double[] SAME_SYSCALLS = {0.75, 1.33};

    /**
     * C12: how much longer this host's syscalls take than the scenarios give: the pipe write and
     * read alone (probe convoy-pipe-0cpu, two syscalls per timed op), real over simulated medians.
     */
    public Fitted syscallScale(Suite suite, List<String> fittedSets) {
        RealAndSimulated pipe = alone(suite, "convoy-pipe-0cpu", "op_ns", fittedSets, "machine.syscall_scale=1");
        if (pipe == null) {
            return null;
        }
        double simP50 = pipe.simulatedP50Nanos();
        double realP50 = pipe.real().histogram().getValueAtPercentile(50);
        double ratio = realP50 / simP50;
        // The reference host's own runs spread from 0.95 to 1.5 us (all versions): a ratio inside
        // that is no evidence of another host's syscalls, and the scenarios' values were fitted there.
        boolean sameAsReference = ratio >= SAME_SYSCALLS[0] && ratio <= SAME_SYSCALLS[1];
        double scale = sameAsReference ? 1.0 : Math.max(0.1, Math.min(100, Math.round(100 * ratio) / 100.0));
        return new Fitted("machine.syscall_scale", String.valueOf(scale),
                String.format(Locale.ROOT, "a pipe write and read alone takes %s at the median (probe convoy-pipe-0cpu), "
                        + "the scenario's syscalls %s%s", us(realP50), us(simP50), sameAsReference
                        ? ": inside the spread of the host they were measured on, so as given" : ""));
    }

    /**
     * L6 needs the rest of the idle loop's path simulated: the loop's timer wake-up is what the real
     * idle lag has beyond the simulated lag with no timer wake-up at all.
     */
    public Fitted loopTimerWakeup(Suite suite, List<String> fittedSets) {
        RealAndSimulated idle = alone(suite, "heartbeat-5ms-0cpu", "lag_ns", fittedSets,
                "servers.app.loop.timer_wakeup=0");
        if (idle == null) {
            return null;
        }
        double simP50 = idle.simulatedP50Nanos();
        double realP50 = idle.real().histogram().getValueAtPercentile(50);
        double realP90 = idle.real().histogram().getValueAtPercentile(90);
        double wake = Math.max(1000, realP50 - simP50);
        double sigma = Math.max(0.05, Math.log((realP90 - simP50) / wake) / 1.2816);
        return new Fitted("server.loop.timer_wakeup",
                String.format(Locale.ROOT, "{lognormal: {median: %s, sigma: %.2f}}", us(wake), sigma),
                String.format(Locale.ROOT, "an idle loop's 10 ms heartbeat lags %s at the median (probe heartbeat-5ms-0cpu); "
                        + "the model explains %s of it without a timer wake-up", us(realP50), us(simP50)));
    }

    /** One experiment's real samples, and its first figure simulated (median of 3 seeds). */
    private record RealAndSimulated(LatencyRecorder real, double simulatedP50Nanos) {
    }

    /**
     * The experiment's pooled real samples and its first figure (a p50) simulated with the fitted
     * values and one more set; null when this version has no such measurement.
     */
    private RealAndSimulated alone(Suite suite, String experiment, String samples, List<String> fittedSets,
            String set) {
        Suite one = suite.only("^" + experiment + "$");
        LatencyRecorder real = pooled(experiment, samples);
        if (real.count() == 0 || one.experiments().isEmpty()) {
            return null;
        }
        List<String> sets = new ArrayList<>(fittedSets);
        sets.add(set);
        Validation v = new Validator(one, 3, 1, sets).validate(measured(one), s -> { });
        return new RealAndSimulated(real, v.figures().get(0).simMedian() * 1e6);
    }

    private LatencyRecorder pooled(String experimentPrefix, String samples) {
        LatencyRecorder r = new LatencyRecorder();
        for (Suite.Experiment e : Suite.builtin().experiments()) {
            if (e.id().startsWith(experimentPrefix)) {
                for (Measurement m : data.runs(version, e.id())) {
                    for (long s : m.samples(samples)) {
                        r.record(s);
                    }
                }
            }
        }
        return r;
    }

    private long timerSlack() {
        for (Suite.Experiment e : Suite.builtin().experiments()) {
            for (Measurement m : data.runs(version, e.id())) {
                String s = m.machine().get("timer_slack_ns");
                if (s != null && s.matches("\\d+")) {
                    return Long.parseLong(s);
                }
            }
        }
        return -1;
    }

    private static String us(double nanos) {
        double us = nanos / 1000.0;
        return us >= 100 ? String.format(Locale.ROOT, "%.0fus", us) : String.format(Locale.ROOT, "%.1fus", us);
    }
}
