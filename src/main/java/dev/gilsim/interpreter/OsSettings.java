package dev.gilsim.interpreter;

/**
 * The machine under the interpreters.
 *
 * @param cores CPU cores shared by every process (C1, C3)
 * @param timeSliceNanos round-robin slice when more threads want a core than there are cores (C2)
 * @param timerSlackNanos added to every timed sleep, as Linux's default timer slack does
 * @param haltPollNanos C5: a thread woken after blocking for less than this wakes in
 *                      {@code polledWakeup} (an idle CPU that has not gone to sleep yet; KVM's
 *                      halt polling on a virtual machine); 0 turns the rule off
 * @param polledWakeup the wake-up latency of such a thread
 * @param timerWakeup C4: from a timer's expiry (plus slack) to the thread running: a sleep, a timed
 *                    GIL wait, a timed park; null to use the interpreter's wake-up latency (G6)
 * @param handoffWakeup G5: from the new holder taking the GIL to the forced dropper, blocked on
 *                      {@code switch_cond} since it dropped, running again (C6); null to wake it
 *                      like any other blocked thread (G6, C5)
 * @param coldStartNanosPerRootMicro C7: a GIL-releasing step that is a thread's first after an
 *                  idle spell takes this many nanoseconds longer per square root of the idle
 *                  time in microseconds; 0: off
 * @param coldStartHoldingGil C7: a first step that holds the GIL runs cold too (traced; off, the
 *                  wake-up latencies would have to hold that time)
 * @param timerCoalescing C9: a core's timers whose deadlines have passed fire with the one that
 *                  expires, and their threads run one at a time, the last to fire first
 * @param timerBurstGap C9: between two threads of one such burst running
 * @param expiredWaitTakesSignal C10: a GIL waiter whose timer fired keeps its place until it runs,
 *                  and takes a release's signal meanwhile, as glibc's condition variable lets it
 * @param handoffOnDropperCore C11: the share of hand-offs to a waiter other than the asker in which
 *                  the new holder runs on the dropper's core, so that the dropper, woken by the
 *                  take, waits in that core's run queue; 0: off
 * @param migrationCostNanos C11: a queued dropper that ran this recently is not pulled to another
 *                  core (Linux's {@code sysctl_sched_migration_cost})
 * @param syscallScale C12: every syscall step, and C8's zero sleep, takes this many times its
 *                  given duration: how much slower this host's syscalls are than those of the
 *                  Intel VM where the scenarios' syscalls were measured; 1: as given
 * @param condvarGroups G12: a release's signal goes only to the waiters of glibc's group G1 (those
 *                  waiting when the group last switched), and the groups switch only when G1 has
 *                  no unsignalled waiter left; with the {@code fifo} policy only
 * @param timeoutBehindHolder C13: the share of GIL waiters whose timer fires on the core the holder
 *                  runs on that wait in that core's run queue behind it (until it lets go of the
 *                  GIL, a core idles, or its slice ends); 0: off. It needs per-core timers (C9)
 * @param awakeWindowNanos G13: a waiter that lost a release's race and waits again catches the
 *                  next release's signal without sleeping if it comes within this time of that
 *                  new wait (glibc checks for a signal before it blocks); 0: off
 * @param awakeReturn G13: from such a caught signal to the waiter running; null when the window is off
 * @param interruptEveryNanos C14: a running thread loses its core to the host (the kernel's timer
 *                  tick, a hypervisor's exits) once per this much CPU time on average; 0: off
 * @param interruptCostNanos C14: how long each such interruption takes
 */
public record OsSettings(int cores, long timeSliceNanos, long timerSlackNanos, long haltPollNanos,
        dev.gilsim.kernel.Distribution polledWakeup, dev.gilsim.kernel.Distribution timerWakeup,
        dev.gilsim.kernel.Distribution handoffWakeup, long coldStartNanosPerRootMicro,
        boolean coldStartHoldingGil, boolean timerCoalescing, dev.gilsim.kernel.Distribution timerBurstGap,
        boolean expiredWaitTakesSignal, double handoffOnDropperCore, long migrationCostNanos, double syscallScale,
        boolean condvarGroups, double timeoutBehindHolder, long awakeWindowNanos,
        dev.gilsim.kernel.Distribution awakeReturn, long interruptEveryNanos, long interruptCostNanos) {
    /** Syscalls as given (C12 off), no groups (G12), no queued timeouts (C13), no awake window (G13), no interruptions (C14). */
    public OsSettings(int cores, long timeSliceNanos, long timerSlackNanos, long haltPollNanos,
            dev.gilsim.kernel.Distribution polledWakeup, dev.gilsim.kernel.Distribution timerWakeup,
            dev.gilsim.kernel.Distribution handoffWakeup, long coldStartNanosPerRootMicro,
            boolean coldStartHoldingGil, boolean timerCoalescing, dev.gilsim.kernel.Distribution timerBurstGap,
            boolean expiredWaitTakesSignal, double handoffOnDropperCore, long migrationCostNanos) {
        this(cores, timeSliceNanos, timerSlackNanos, haltPollNanos, polledWakeup, timerWakeup, handoffWakeup,
                coldStartNanosPerRootMicro, coldStartHoldingGil, timerCoalescing, timerBurstGap, expiredWaitTakesSignal,
                handoffOnDropperCore, migrationCostNanos, 1.0, false, 0, 0, null, 0, 0);
    }

    /** The same machine with syscalls {@code scale} times as long (C12). */
    public OsSettings withSyscallScale(double scale) {
        return new OsSettings(cores, timeSliceNanos, timerSlackNanos, haltPollNanos, polledWakeup, timerWakeup,
                handoffWakeup, coldStartNanosPerRootMicro, coldStartHoldingGil, timerCoalescing, timerBurstGap,
                expiredWaitTakesSignal, handoffOnDropperCore, migrationCostNanos, scale, condvarGroups,
                timeoutBehindHolder, awakeWindowNanos, awakeReturn, interruptEveryNanos, interruptCostNanos);
    }

    /** C12: a syscall's duration on this host, from the one the scenario gives. */
    public long syscallNanos(long givenNanos) {
        return syscallScale == 1.0 ? givenNanos : Math.round(givenNanos * syscallScale);
    }

    /** Whether forced droppers have their own wake-up latency (C6). */
    public boolean hasHandoffWakeup() {
        return handoffWakeup != null;
    }

    /** Whether timer expiries have their own wake-up latency (else they use G6's). */
    public boolean hasTimerWakeup() {
        return timerWakeup != null;
    }

    public OsSettings {
        if (cores < 1) {
            throw new IllegalArgumentException("at least one core");
        }
        if (timeSliceNanos <= 0) {
            throw new IllegalArgumentException("time slice must be positive");
        }
        if (timerSlackNanos < 0) {
            throw new IllegalArgumentException("timer slack must not be negative");
        }
        if (coldStartNanosPerRootMicro < 0) {
            throw new IllegalArgumentException("cold start must not be negative");
        }
        if (haltPollNanos < 0) {
            throw new IllegalArgumentException("halt polling must not be negative");
        }
        if (!(handoffOnDropperCore >= 0 && handoffOnDropperCore <= 1)) {
            throw new IllegalArgumentException("the share of hand-offs on the dropper's core must be from 0 to 1");
        }
        if (!(timeoutBehindHolder >= 0 && timeoutBehindHolder <= 1)) {
            throw new IllegalArgumentException("the share of timeouts queued behind the holder must be from 0 to 1");
        }
        if (migrationCostNanos < 0) {
            throw new IllegalArgumentException("migration cost must not be negative");
        }
        if (!(syscallScale > 0 && syscallScale <= 100)) {
            throw new IllegalArgumentException("the syscall scale must be above 0 and at most 100");
        }
        if (awakeWindowNanos < 0) {
            throw new IllegalArgumentException("the awake window must not be negative");
        }
        if (interruptEveryNanos < 0 || interruptCostNanos < 0) {
            throw new IllegalArgumentException("the host's interruptions must not be negative");
        }
        if (awakeWindowNanos > 0) {
            java.util.Objects.requireNonNull(awakeReturn, "awakeReturn");
        }
        java.util.Objects.requireNonNull(polledWakeup, "polledWakeup");
        java.util.Objects.requireNonNull(timerBurstGap, "timerBurstGap");
    }
}
