package dev.gilsim.interpreter;

import dev.gilsim.kernel.Distribution;
import java.util.Objects;

/**
 * The knobs of one interpreter's GIL.
 *
 * @param switchIntervalNanos {@code sys.setswitchinterval}: how long a waiter waits before it asks (G2)
 * @param checkIntervalNanos spacing of eval-breaker check points in Python bytecode, in CPU time (G4)
 * @param wakeupLatency from a condition-variable signal to the woken thread running (G6)
 * @param dropOverhead pending work run at the check point before dropping (G4), usually zero
 * @param wakeupPolicy which waiter a release wakes (G6)
 * @param build a GIL build, or free-threaded (G10)
 * @param freeThreadedSlowdown factor applied to Python bytecode on a free-threaded build (G10)
 * @param requesterWins G11: the probability that a requested drop's signal wakes the requester
 *                      rather than the thread the wake-up policy picks, by the other waiters' age
 * @param zeroSleepSyscallNanos C8: how {@code time.sleep(0)} runs: negative, as any timed sleep (3.11 and
 *                         later call {@code clock_nanosleep}, which waits the timer slack); else a
 *                         syscall of this length that returns at once (3.8 to 3.10 call
 *                         {@code select} with a zero timeout, which never sleeps)
 */
public record GilSettings(
        long switchIntervalNanos,
        long checkIntervalNanos,
        Distribution wakeupLatency,
        Distribution dropOverhead,
        WakeupPolicyKind wakeupPolicy,
        Build build,
        double freeThreadedSlowdown,
        RequesterWins requesterWins,
        long zeroSleepSyscallNanos) {

    /** C8: whether {@code time.sleep(0)} is a syscall that returns at once (3.8 to 3.10). */
    public boolean zeroSleepReturnsAtOnce() {
        return zeroSleepSyscallNanos >= 0;
    }

    public GilSettings {
        // CPython clamps the interval to at least 1 us (take_gil: "if (interval < 1)").
        if (switchIntervalNanos < 1_000) {
            throw new IllegalArgumentException("switch interval must be at least 1us");
        }
        if (checkIntervalNanos <= 0) {
            throw new IllegalArgumentException("check interval must be positive");
        }
        Objects.requireNonNull(wakeupLatency, "wakeupLatency");
        Objects.requireNonNull(dropOverhead, "dropOverhead");
        Objects.requireNonNull(wakeupPolicy, "wakeupPolicy");
        Objects.requireNonNull(build, "build");
        if (!(freeThreadedSlowdown >= 1.0) || freeThreadedSlowdown > 100) {
            throw new IllegalArgumentException("free-threaded slowdown must be between 1 and 100");
        }
        Objects.requireNonNull(requesterWins, "requesterWins");
    }

    public GilSettings withSwitchInterval(long interval) {
        return new GilSettings(interval, checkIntervalNanos, wakeupLatency, dropOverhead, wakeupPolicy, build,
                freeThreadedSlowdown, requesterWins, zeroSleepSyscallNanos);
    }

    public GilSettings withWakeupPolicy(WakeupPolicyKind policy) {
        return new GilSettings(switchIntervalNanos, checkIntervalNanos, wakeupLatency, dropOverhead, policy, build,
                freeThreadedSlowdown, requesterWins, zeroSleepSyscallNanos);
    }

    public GilSettings withWakeupLatency(Distribution latency) {
        return new GilSettings(switchIntervalNanos, checkIntervalNanos, latency, dropOverhead, wakeupPolicy, build,
                freeThreadedSlowdown, requesterWins, zeroSleepSyscallNanos);
    }

    public GilSettings withBuild(Build b) {
        return new GilSettings(switchIntervalNanos, checkIntervalNanos, wakeupLatency, dropOverhead, wakeupPolicy, b,
                freeThreadedSlowdown, requesterWins, zeroSleepSyscallNanos);
    }
}
