package dev.gilsim.interpreter;

import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.Event;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One interpreter's GIL, after {@code take_gil} and {@code drop_gil} in CPython's
 * {@code Python/ceval_gil.c}.
 *
 * <p>Where the drop request lives changed in 3.13 (a per-interpreter flag before, a bit on the
 * holder's thread state since). In both, a waiter sets it only while {@code switch_number} shows
 * the holder unchanged, so it always targets the current holder, and the holder clears it as it
 * drops; this model keeps it as a bit on the target thread, which serves both versions.
 */
public final class Gil {
    private final Interpreter interpreter;
    private final Simulator sim;
    private final GilObserver observer;
    private final WakeupPolicy policy;
    private final RandomGenerator policyRandom;
    private final RandomGenerator latencyRandom;
    private final CpuTimers timers;
    private final boolean expiredWaitTakesSignal;
    private final RandomGenerator dropperCoreRandom;
    private final double handoffOnDropperCore;
    private final long migrationCostNanos;
    /** C11: how long a queued dropper waits at most: until the new holder's slice ends (C2). */
    private final long holderSliceNanos;
    /** G12: glibc's two groups of waiters decide whom a signal can reach (fifo only). */
    private final boolean condvarGroups;
    private final double timeoutBehindHolder;
    private final long awakeWindowNanos;
    private final Distribution awakeReturn;

    private PyThread holder;
    /** G11: who set the pending drop request; cleared when the GIL changes hands. */
    private PyThread requester;
    private PyThread lastHolder;
    private long switchNumber;
    /** G1: a set, in the order each waiter began its current timed wait; no priority. */
    private final GilWaiters waiters = new GilWaiters();
    /** G5: forced droppers blocked until another thread takes the GIL. */
    private final List<PyThread> handoffWaiters = new ArrayList<>();
    /** C11: droppers woken by the take but queued behind the new holder on their core. */
    private final List<PyThread> queuedDroppers = new ArrayList<>();
    /** C13: waiters whose timer fired on the holder's core, queued there behind it. */
    private final List<PyThread> queuedTimeouts = new ArrayList<>();
    /** G13: the last waiter that lost a release's race and waits again, its new wait just begun. */
    private PyThread rewaitingLoser;
    /** G12: the waiters whose place in {@link GilWaiters} is before this one form G1. */
    private long groupOneEnd;

    private long acquisitions;
    private long forcedDrops;
    private long voluntaryDrops;
    private long dropRequests;

    Gil(Interpreter interpreter, Simulator sim, GilObserver observer, RandomGenerator policyRandom,
            RandomGenerator latencyRandom, RandomGenerator dropperCoreRandom) {
        this.interpreter = interpreter;
        this.sim = sim;
        this.observer = observer;
        this.policy = interpreter.settings().wakeupPolicy().create();
        this.policyRandom = policyRandom;
        this.latencyRandom = latencyRandom;
        this.timers = interpreter.machine().timers();
        OsSettings os = interpreter.machine().os();
        this.expiredWaitTakesSignal = os.expiredWaitTakesSignal();
        this.dropperCoreRandom = dropperCoreRandom;
        this.handoffOnDropperCore = os.handoffOnDropperCore();
        this.migrationCostNanos = os.migrationCostNanos();
        this.holderSliceNanos = os.timeSliceNanos();
        this.condvarGroups = os.condvarGroups() && policy instanceof FifoWakeup;
        this.timeoutBehindHolder = os.timeoutBehindHolder();
        this.awakeWindowNanos = os.awakeWindowNanos();
        this.awakeReturn = os.awakeReturn();
    }

    public PyThread holder() {
        return holder;
    }

    public boolean isLocked() {
        return holder != null;
    }

    public long switchNumber() {
        return switchNumber;
    }

    public int waiterCount() {
        return waiters.size();
    }

    public long acquisitions() {
        return acquisitions;
    }

    public long forcedDrops() {
        return forcedDrops;
    }

    public long voluntaryDrops() {
        return voluntaryDrops;
    }

    public long dropRequests() {
        return dropRequests;
    }

    /** {@code take_gil}: returns true if the thread now holds the GIL, false if it waits. */
    boolean take(PyThread t) {
        if (holder == null) {
            // G7: a free GIL goes to whoever arrives, ahead of any woken waiter still on its way.
            acquire(t);
            return true;
        }
        if (rewaitingLoser == t) {
            rewaitingLoser = null;
        }
        beginTimedWait(t);
        return false;
    }

    private void beginTimedWait(PyThread t) {
        // G2, G3: every wait, first or repeated, is a fresh interval that remembers the holder.
        t.savedSwitchNumber = switchNumber;
        t.blockedSince = sim.now();
        observer.gilWaitBegan(t, sim.now());
        waiters.add(t);
        if (!queuedDroppers.isEmpty() || !queuedTimeouts.isEmpty()) {
            // C11, C13: the waiter ran on another core and leaves it idle: the scheduler balances.
            pullQueued(false);
        }
        // C4: the timed wait is a futex with a deadline, so it ends late by the timer slack too;
        // C9: its timer sits on the waiter's core.
        timers.arm(t.gilTimeout, sim.now() + interpreter.settings().switchIntervalNanos());
    }

    /** The waiter's timer fired; returns when the waiter runs, no sooner than {@code notBefore}. */
    long onTimeout(PyThread t, long notBefore) {
        if (expiredWaitTakesSignal) {
            // C10: the waiter keeps its place until it runs; a release meanwhile may signal it.
            t.gilTimerFired = true;
        } else {
            waiters.remove(t);
        }
        if (timeoutBehindHolder > 0 && holder != null && holder.core >= 0 && holder.core == t.gilTimeout.core()
                && dropperCoreRandom.nextDouble() < timeoutBehindHolder) {
            // C13: woken on the holder's core, it waits in that core's run queue, at the latest
            // until the holder's slice ends (C2).
            t.wakeTimedOut = true;
            t.queuedSince = sim.now();
            queuedTimeouts.add(t);
            long at = Math.max(sim.now() + holderSliceNanos, notBefore);
            sim.schedule(t.gilWake, at);
            return at;
        }
        return wakeLater(t, true, notBefore);
    }


    private long wakeLater(PyThread t, boolean timedOut, long notBefore) {
        t.wakeTimedOut = timedOut;
        long idle = sim.now() - t.blockedSince;
        // C4: a timeout is a timer's wake-up; a release's signal is G6's.
        long latency = timedOut ? interpreter.sampleTimerWakeup(idle) : interpreter.sampleWakeupLatency(idle);
        long at = Math.max(sim.now() + latency, notBefore);
        sim.schedule(t.gilWake, at);
        return at;
    }

    /** The waiter runs again after a timeout or a signal and re-checks the lock. */
    void onWake(PyThread t) {
        if (t.gilTimerFired) {
            t.gilTimerFired = false;
            if (t.wakeTimedOut) {
                waiters.remove(t);
            }
        }
        observer.gilWaitEnded(t, t.wakeTimedOut, sim.now());
        if (holder == null) {
            acquire(t);
            t.onGilTaken();
            return;
        }
        // G2: only a timeout with the same holder throughout asks for a drop; G3: a signal that
        // lost the race to a barging thread asks nothing and starts a new full interval.
        if (t.wakeTimedOut && switchNumber == t.savedSwitchNumber) {
            requestDrop(t);
        }
        if (!t.wakeTimedOut) {
            rewaitingLoser = t;
        } else if (rewaitingLoser == t) {
            rewaitingLoser = null;
        }
        beginTimedWait(t);
    }

    private void requestDrop(PyThread requester) {
        PyThread target = holder;
        this.requester = requester;
        dropRequests++;
        observer.dropRequested(requester, target, sim.now());
        if (!target.dropRequested) {
            target.dropRequested = true;
            target.onDropRequested();
        }
    }

    /**
     * {@code drop_gil}: frees the lock and signals one waiter. Returns whether a drop request was
     * pending, in which case the caller must wait for the handoff (G5, G8).
     */
    boolean release(PyThread t, boolean forced) {
        holder = null;
        lastHolder = t;
        boolean requested = t.dropRequested;
        t.dropRequested = false;
        if (!queuedDroppers.isEmpty() || !queuedTimeouts.isEmpty()) {
            // C11, C13: the holder leaves the core they are queued on.
            pullQueued(true);
        }
        if (forced) {
            forcedDrops++;
            observer.forcedDrop(t, sim.now());
        } else {
            voluntaryDrops++;
            observer.voluntaryDrop(t, sim.now());
        }
        if (!waiters.isEmpty()) {
            // G6: the OS picks whom the signal wakes; that thread still needs time to run.
            PyThread woken = choose(forced || requested);
            waiters.remove(woken);
            if (woken.gilTimerFired) {
                // C10: its timer fired and it has not run: it takes the signal when it runs
                // (glibc checks for a signal before it reports a timeout); nobody else is woken.
                woken.wakeTimedOut = false;
            } else {
                timers.cancel(woken.gilTimeout);
                if (caughtBeforeSleeping(woken)) {
                    // G13: it took the signal without sleeping, so no wake-up latency.
                    woken.wakeTimedOut = false;
                    sim.schedule(woken.gilWake, sim.now() + awakeReturn.sample(latencyRandom));
                } else {
                    wakeLater(woken, false, 0);
                }
            }
        }
        return requested;
    }

    /**
     * G13: a waiter that lost the last race and began its new wait less than the awake window ago
     * has not gone to sleep yet (glibc's {@code pthread_cond_wait} looks for a signal before it
     * blocks), so this release's signal reaches it awake.
     */
    private boolean caughtBeforeSleeping(PyThread woken) {
        return awakeWindowNanos > 0 && woken == rewaitingLoser && sim.now() - woken.blockedSince < awakeWindowNanos;
    }

    /**
     * G6, G11: the waiter a release signals. After a requested drop the requester gets it with the
     * traced probability for the age of the longest other waiter (a few percent against one that
     * began waiting within 200 us, 40 % against an older one: it catches a signal that comes
     * before it is asleep again); otherwise the wake-up policy chooses. With no other waiter the
     * requester is the oldest.
     */
    private PyThread choose(boolean afterRequest) {
        RequesterWins wins = interpreter.settings().requesterWins();
        if (condvarGroups) {
            return chooseInGroupOne(afterRequest, wins);
        }
        if (afterRequest && wins.any() && requester != null && waiters.contains(requester)) {
            // The age of the longest other waiter decides the share (traced, section 9).
            PyThread oldest = waiters.first();
            double share = wins.against(oldest == requester ? Long.MAX_VALUE : sim.now() - oldest.blockedSince);
            if (policyRandom.nextDouble() < share) {
                return requester;
            }
        }
        return policy.choose(waiters, policyRandom);
    }

    /**
     * G12: a signal reaches only G1, the waiters that were waiting when the groups last switched;
     * they switch (every waiter joins G1) only when no G1 waiter is left. The requester, whose
     * new wait began just before the release, is in G1 only if the groups switch now; there it
     * wins in G11's share (it catches a signal that comes before it is asleep again), else the
     * oldest G1 waiter, first in the futex's queue, is woken.
     */
    private PyThread chooseInGroupOne(boolean afterRequest, RequesterWins wins) {
        PyThread oldest = waiters.first();
        if (waiters.place(oldest) >= groupOneEnd) {
            // Every wait, a repeated one too, joined G2 at the back; now they all form G1.
            groupOneEnd = waiters.nextPlace();
        }
        if (afterRequest && wins.any() && requester != null && requester != oldest && waiters.contains(requester)
                && waiters.place(requester) < groupOneEnd
                && policyRandom.nextDouble() < wins.against(sim.now() - oldest.blockedSince)) {
            return requester;
        }
        return oldest;
    }

    /** G5: blocks the dropper until another thread has taken the GIL. */
    void awaitHandoff(PyThread t) {
        t.blockedSince = sim.now();
        handoffWaiters.add(t);
    }

    private void acquire(PyThread t) {
        holder = t;
        if (lastHolder != t) {
            lastHolder = t;
            switchNumber++;
        }
        // The taker clears any request (G5): it was meant for the previous holder.
        t.dropRequested = false;
        PyThread asker = requester;
        requester = null;
        acquisitions++;
        observer.gilAcquired(t, sim.now() - t.wantedGilSince, sim.now());
        if (!handoffWaiters.isEmpty()) {
            for (int i = handoffWaiters.size() - 1; i >= 0; i--) {
                PyThread dropper = handoffWaiters.get(i);
                if (dropper != t) {
                    handoffWaiters.remove(i);
                    long at = sim.now() + interpreter.sampleHandoffWakeup(sim.now() - dropper.blockedSince);
                    if (queuesBehindNewHolder(t, asker)) {
                        // C11: it runs when pulled to another core, or at the latest in its turn.
                        // An entry left from an earlier queueing whose turn came goes first.
                        queuedDroppers.remove(dropper);
                        queuedDroppers.add(dropper);
                        at += holderSliceNanos;
                    }
                    // C6: switch_cond's signal wakes a thread that blocked microseconds ago.
                    sim.schedule(dropper.handoffWake, at);
                }
            }
        }
    }

    /**
     * C11: whether the new holder runs on the dropper's core. An asker that wins runs on the other
     * core already (its timeout woke it there); another waiter lands there in the measured share.
     */
    private boolean queuesBehindNewHolder(PyThread newHolder, PyThread asker) {
        return handoffOnDropperCore > 0 && newHolder != asker
                && dropperCoreRandom.nextDouble() < handoffOnDropperCore;
    }

    /**
     * C11, C13: a core went idle (a waiter went back to sleep there) or the holder left the core
     * the queued threads wait on. An idle core pulls a queued thread only once it is no longer
     * cache-hot; a freed core runs it at once. Either way it still takes C6's wake-up to run.
     */
    private void pullQueued(boolean holderLeft) {
        pull(queuedDroppers, true, holderLeft);
        pull(queuedTimeouts, false, holderLeft);
    }

    private void pull(List<PyThread> queue, boolean droppers, boolean holderLeft) {
        for (int i = queue.size() - 1; i >= 0; i--) {
            PyThread d = queue.get(i);
            Event wake = droppers ? d.handoffWake : d.gilWake;
            long queued = sim.now() - (droppers ? d.blockedSince : d.queuedSince);
            if (!wake.isScheduled()) {
                queue.remove(i);
            } else if (holderLeft || queued >= migrationCostNanos) {
                queue.remove(i);
                long at = sim.now() + interpreter.sampleHandoffWakeup(queued);
                if (at < wake.time()) {
                    sim.reschedule(wake, at);
                }
            }
        }
    }
}
