package dev.gilsim;

import dev.gilsim.asyncio.LoopCosts;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.OsSettings;
import dev.gilsim.interpreter.RequesterWins;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.server.HttpOverhead;

/**
 * Settings for hand-worked timelines, with the rules a timeline leaves out switched off: no G11
 * (requester_wins 0), {@code time.sleep(0)} a timed sleep (C8), no halt polling (C5), timers that
 * wake threads as signals do (C4), forced droppers that wake like any thread (C6), no cold starts
 * (C7), a loop and HTTP handling that cost nothing. Test code only: a scenario takes every value
 * from defaults.yaml, and the model has no such shortcuts of its own.
 */
public final class HandWorked {
    private HandWorked() {
    }

    /** GIL settings without G11, whose {@code time.sleep(0)} is a timed sleep. */
    public static GilSettings gil(long switchInterval, long checkInterval, Distribution wakeupLatency,
            Distribution dropOverhead, WakeupPolicyKind wakeupPolicy, Build build, double freeThreadedSlowdown) {
        return gil(switchInterval, checkInterval, wakeupLatency, dropOverhead, wakeupPolicy, build,
                freeThreadedSlowdown, 0.0);
    }

    /** GIL settings whose {@code time.sleep(0)} is a timed sleep, as from 3.11 on (C8). */
    public static GilSettings gil(long switchInterval, long checkInterval, Distribution wakeupLatency,
            Distribution dropOverhead, WakeupPolicyKind wakeupPolicy, Build build, double freeThreadedSlowdown,
            double requesterWins) {
        return gil(switchInterval, checkInterval, wakeupLatency, dropOverhead, wakeupPolicy, build,
                freeThreadedSlowdown, requesterWins, -1);
    }

    public static GilSettings gil(long switchInterval, long checkInterval, Distribution wakeupLatency,
            Distribution dropOverhead, WakeupPolicyKind wakeupPolicy, Build build, double freeThreadedSlowdown,
            double requesterWins, long zeroSleepSyscall) {
        return new GilSettings(switchInterval, checkInterval, wakeupLatency, dropOverhead, wakeupPolicy, build,
                freeThreadedSlowdown, RequesterWins.flat(requesterWins), zeroSleepSyscall);
    }

    /** GIL settings, FIFO, whose requester wins by the other waiters' age (G11), sleep(0) timed. */
    public static GilSettings gil(long switchInterval, long checkInterval, Distribution wakeupLatency,
            RequesterWins requesterWins) {
        return new GilSettings(switchInterval, checkInterval, wakeupLatency, Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4, requesterWins, -1);
    }

    /** A machine without halt polling, whose timers wake threads as signals do (G6). */
    public static OsSettings machine(int cores, long timeSlice, long timerSlack) {
        return machine(cores, timeSlice, timerSlack, 0, Distribution.constant(0), null);
    }

    /** A machine whose forced droppers wake like any other blocked thread, with no cold starts. */
    public static OsSettings machine(int cores, long timeSlice, long timerSlack, long haltPollNanos,
            Distribution polledWakeup, Distribution timerWakeup) {
        return machine(cores, timeSlice, timerSlack, haltPollNanos, polledWakeup, timerWakeup, null, 0);
    }

    public static OsSettings machine(int cores, long timeSlice, long timerSlack, long haltPollNanos,
            Distribution polledWakeup, Distribution timerWakeup, Distribution handoffWakeup, long coldStart) {
        return new OsSettings(cores, timeSlice, timerSlack, haltPollNanos, polledWakeup, timerWakeup, handoffWakeup,
                coldStart, false, false, Distribution.constant(0), false, 0, 0);
    }

    /** A machine whose expired GIL waiters take a release's signal (C10), timers waking in 20 us. */
    public static OsSettings expiredWaitTakesSignal(long timerSlack, Distribution timerWakeup, boolean on) {
        return new OsSettings(2, 3_000_000, timerSlack, 0, Distribution.constant(0), timerWakeup, null, 0,
                false, false, Distribution.constant(0), on, 0, 0);
    }

    /** A machine whose timers coalesce per core (C9), a burst's threads {@code burstGap} apart. */
    public static OsSettings coalescingMachine(int cores, long timerSlack, Distribution timerWakeup, long burstGap) {
        return new OsSettings(cores, 3_000_000, timerSlack, 0, Distribution.constant(0), timerWakeup, null, 0,
                false, true, Distribution.constant(burstGap), false, 0, 0);
    }

    /**
     * A machine whose forced droppers are queued behind the new holder on their core (C11) in
     * every hand-off to a waiter other than the asker, pulled away {@code migrationCost} after
     * they dropped, woken in {@code handoffWakeup} (C6); 3 ms slices, no slack, timers that wake
     * threads as signals do.
     */
    public static OsSettings droppersQueuedBehindNewHolder(long migrationCost, Distribution handoffWakeup) {
        return new OsSettings(2, 3_000_000, 0, 0, Distribution.constant(0), null, handoffWakeup, 0,
                false, false, Distribution.constant(0), false, 1.0, migrationCost);
    }

    /** An event loop that costs nothing and whose timers wake it at once. */
    public static LoopCosts freeLoop() {
        return new LoopCosts(zero(), zero(), zero(), zero(), zero(), zero(), zero());
    }

    /** Requests that cost the loop nothing besides their handler, and the client nothing. */
    public static HttpOverhead noHttp() {
        return new HttpOverhead(zero(), zero(), zero(), zero(), zero());
    }

    private static Distribution zero() {
        return Distribution.constant(0);
    }
}
