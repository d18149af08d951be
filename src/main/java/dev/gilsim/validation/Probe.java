package dev.gilsim.validation;

import dev.gilsim.metrics.LatencyRecorder;
import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.metrics.ThreadMetrics;
import dev.gilsim.results.ThreadFigures;
import dev.gilsim.results.ThreadSummary;
import dev.gilsim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The probes of {@code gilprobe.py}, each with the figures it is judged by: a latency measured in
 * the real run's samples and in the simulated run's histogram (its p50, p90, p99 and max), and a
 * rate. Real samples go through the same HdrHistogram as simulated ones, so both sides' percentiles
 * are defined alike.
 */
public enum Probe {
    /** L4: an asyncio heartbeat beside N CPU-bound threads. */
    HEARTBEAT("heartbeat", new Latency("loop lag", "lag_ns", r -> named(r, "loop_lag", "app-0")),
            new Rate("heartbeats/s", m -> m.figure("beats_per_s"),
                    r -> named(r, "loop_lag", "app-0").count() / measuredSeconds(r))),
    /** G2, G9: time.sleep(1 or 10 ms) beside N CPU-bound threads; the overshoot of each sleep. */
    SLEEPER("sleeper", new Latency("sleep overshoot", "overshoot_ns", r -> thread(r, "app/sleeper").returnDelays()),
            null),
    /**
     * G7, G8, G9, C8: tiny GIL-releasing calls in a loop beside CPU-bound threads. The probe times
     * the call alone, not its loop, so the scenarios label the call's steps {@code op}.
     */
    CONVOY("convoy", new Latency("time per op", "op_ns", r -> thread(r, "app/io").labelTimes("op")),
            new Rate("ops/s", m -> m.figure("ops_per_s"), r -> summary(r, "io").number("iterations_per_s"))),
    /** G4, E1, E3: pow() holding the GIL in a thread pool, or in a process pool's child. */
    POW("pow", new Latency("loop lag", "lag_ns", r -> named(r, "loop_lag", "app-0")), null),
    /** L5: open-loop request latency beside N CPU-bound pool threads. */
    REQUESTS("requests", new Latency("request latency", "latency_ns", r -> named(r, "latency", "app/ping")),
            null),
    /** G8: a GIL-releasing C call (hashlib) in a loop beside CPU-bound threads. */
    NATIVE_RELEASE("native-release",
            new Latency("time per call", "op_ns", r -> thread(r, "app/hasher").iterationTimes()),
            new Rate("calls/s", m -> m.figure("ops_per_s"), r -> summary(r, "hasher").number("iterations_per_s"))),
    /** G2, G5, G6: N CPU-bound threads alone; how long each hold of the GIL lasts. */
    SPINNERS("spinners", null, new Rate("mean hold ms",
            m -> m.figure("handoff_window_ms") / Math.max(1, m.figure("handoff_switches")), Probe::meanHoldMs));

    private final String id;
    private final Latency latency;
    private final Rate rate;

    Probe(String id, Latency latency, Rate rate) {
        this.id = id;
        this.latency = latency;
        this.rate = rate;
    }

    public String id() {
        return id;
    }

    public static Probe of(String id) {
        for (Probe p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown probe '" + id + "'");
    }

    /** The distribution both sides are compared on, or null for a probe judged by its rate alone. */
    public Latency latency() {
        return latency;
    }

    /** Every figure of this probe, in the order tables show them. */
    public List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        if (latency != null) {
            for (double p : new double[] {50, 90, 99, 100}) {
                String name = latency.label + " " + (p == 100 ? "max" : String.format(Locale.ROOT, "p%.0f", p));
                out.add(new Figure(name, "ms",
                        m -> percentileMs(recorder(m.samples(latency.realSamples)), p),
                        r -> percentileMs(latency.sim.apply(r), p)));
            }
        }
        if (rate != null) {
            out.add(new Figure(rate.label, rate.label.endsWith("ms") ? "ms" : "/s", rate.real::applyAsDouble,
                    rate.sim::applyAsDouble));
        }
        return out;
    }

    /** The real run's samples of the compared distribution as a histogram. */
    public LatencyRecorder realDistribution(Measurement m) {
        return recorder(m.samples(latency.realSamples));
    }

    /** A latency both sides measure: the real run's sample name and the simulated recorder. */
    public record Latency(String label, String realSamples, Function<RunResult, LatencyRecorder> sim) {
    }

    /** A rate or mean both sides measure. */
    public record Rate(String label, ToDoubleFunction<Measurement> real, ToDoubleFunction<RunResult> sim) {
    }

    /** One compared figure. */
    public record Figure(String name, String unit, ToDoubleFunction<Measurement> real,
            ToDoubleFunction<RunResult> sim) {
    }

    static LatencyRecorder recorder(long[] samples) {
        LatencyRecorder r = new LatencyRecorder();
        for (long s : samples) {
            r.record(s);
        }
        return r;
    }

    static double percentileMs(LatencyRecorder r, double p) {
        if (r.count() == 0) {
            return Double.NaN;
        }
        long v = p >= 100 ? r.histogram().getMaxValue() : r.histogram().getValueAtPercentile(p);
        return v / 1e6;
    }

    private static LatencyRecorder named(RunResult r, String metric, String subject) {
        for (NamedLatency l : r.app().latencies()) {
            if (l.metric().equals(metric) && l.subject().equals(subject)) {
                return l.recorder();
            }
        }
        return new LatencyRecorder();
    }

    private static ThreadMetrics thread(RunResult r, String qualifiedName) {
        for (ThreadMetrics t : r.metrics().threads()) {
            if (t.thread().qualifiedName().equals(qualifiedName)) {
                return t;
            }
        }
        throw new IllegalStateException("the probe's scenario has no thread " + qualifiedName);
    }

    private static ThreadSummary summary(RunResult r, String thread) {
        for (ThreadSummary t : ThreadFigures.of(r)) {
            if (t.thread().equals(thread)) {
                return t;
            }
        }
        throw new IllegalStateException("the probe's scenario has no thread " + thread);
    }

    private static double measuredSeconds(RunResult r) {
        return (r.scenario().durationNanos() - r.scenario().warmupNanos()) / 1e9;
    }

    /** The window divided by the hand-offs between spinners, as the probe counts them. */
    private static double meanHoldMs(RunResult r) {
        long switches = 0;
        for (ThreadMetrics t : r.metrics().threads()) {
            if (t.thread().name().startsWith("spinner")) {
                switches += t.switchesIn();
            }
        }
        return switches == 0 ? Double.NaN : measuredSeconds(r) * 1e3 / switches;
    }
}
