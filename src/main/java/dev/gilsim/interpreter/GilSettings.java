package dev.gilsim.interpreter;

import dev.gilsim.kernel.Distribution;
import java.util.Objects;

/**
 * The knobs of one interpreter's GIL.
 *
 * @param switchInterval {@code sys.setswitchinterval}: how long a waiter waits before it asks (G2)
 * @param checkInterval spacing of eval-breaker check points in Python bytecode, in CPU time (G4)
 * @param wakeupLatency from a condition-variable signal to the woken thread running (G6)
 * @param dropOverhead pending work run at the check point before dropping (G4), usually zero
 * @param wakeupPolicy which waiter a release wakes (G6)
 * @param build a GIL build, or free-threaded (G10)
 * @param freeThreadedSlowdown factor applied to Python bytecode on a free-threaded build (G10)
 * @param requestSpin G11: how long a waiter that just asked for a drop stays on its CPU before it
 *                    blocks again; a drop within that time goes to it
 */
public record GilSettings(
        long switchInterval,
        long checkInterval,
        Distribution wakeupLatency,
        Distribution dropOverhead,
        WakeupPolicyKind wakeupPolicy,
        Build build,
        double freeThreadedSlowdown,
        long requestSpin) {

    /** Settings without G11's spin (hand-worked timelines). */
    public GilSettings(long switchInterval, long checkInterval, Distribution wakeupLatency, Distribution dropOverhead,
            WakeupPolicyKind wakeupPolicy, Build build, double freeThreadedSlowdown) {
        this(switchInterval, checkInterval, wakeupLatency, dropOverhead, wakeupPolicy, build, freeThreadedSlowdown, 0);
    }

    public GilSettings {
        // CPython clamps the interval to at least 1 us (take_gil: "if (interval < 1)").
        if (switchInterval < 1_000) {
            throw new IllegalArgumentException("switch interval must be at least 1us");
        }
        if (checkInterval <= 0) {
            throw new IllegalArgumentException("check interval must be positive");
        }
        Objects.requireNonNull(wakeupLatency, "wakeupLatency");
        Objects.requireNonNull(dropOverhead, "dropOverhead");
        Objects.requireNonNull(wakeupPolicy, "wakeupPolicy");
        Objects.requireNonNull(build, "build");
        if (!(freeThreadedSlowdown >= 1.0) || freeThreadedSlowdown > 100) {
            throw new IllegalArgumentException("free-threaded slowdown must be between 1 and 100");
        }
        if (requestSpin < 0) {
            throw new IllegalArgumentException("request spin must not be negative");
        }
    }

    public GilSettings withSwitchInterval(long interval) {
        return new GilSettings(interval, checkInterval, wakeupLatency, dropOverhead, wakeupPolicy, build,
                freeThreadedSlowdown, requestSpin);
    }

    public GilSettings withWakeupPolicy(WakeupPolicyKind policy) {
        return new GilSettings(switchInterval, checkInterval, wakeupLatency, dropOverhead, policy, build,
                freeThreadedSlowdown, requestSpin);
    }

    public GilSettings withWakeupLatency(Distribution latency) {
        return new GilSettings(switchInterval, checkInterval, latency, dropOverhead, wakeupPolicy, build,
                freeThreadedSlowdown, requestSpin);
    }

    public GilSettings withBuild(Build b) {
        return new GilSettings(switchInterval, checkInterval, wakeupLatency, dropOverhead, wakeupPolicy, b,
                freeThreadedSlowdown, requestSpin);
    }
}
