package dev.gilsim.interpreter;

import dev.gilsim.kernel.Event;
import dev.gilsim.kernel.Simulator;

/**
 * A thread away from the GIL in blocking I/O, a sleep or a park (G8, C4): when it is due back,
 * and the timer or unpark that brings it back, after its wake-up latency. Once back, the thread
 * takes the GIL again; how late it got it is its return delay.
 */
final class OffGil {
    private final PyThread thread;
    private final Interpreter interpreter;
    private final Simulator sim;
    private final CpuTimers timers;
    /** C9: the sleep's or the timed park's timer, on the thread's core. */
    private final CpuTimers.Timer expiry;
    /** The thread back: at a blocking call's return, or a timer's expiry plus the wake-up. */
    private final Event returnEvent;
    /** When the sleep or the timed park began: its timer's wake-up depends on it (C5). */
    private long idleSince;
    private final Event unparkWake;

    /** When the blocking call returns (or the unpark came): the start of the return delay. */
    private long returnDue;
    private boolean parked;
    private boolean unparkPending;

    OffGil(PyThread thread, Interpreter interpreter, Runnable onBack) {
        this.thread = thread;
        this.interpreter = interpreter;
        this.sim = interpreter.machine().simulator();
        this.timers = interpreter.machine().timers();
        Runnable back = () -> {
            parked = false;
            onBack.run();
        };
        this.returnEvent = new Event(EventOrder.STEP, back);
        this.unparkWake = new Event(EventOrder.WAKE, back);
        // C4: once the timer fired (late by the slack), the sleeper needs a wake-up.
        this.expiry = timers.newTimer(thread, EventOrder.STEP, notBefore -> {
            long at = Math.max(sim.now() + interpreter.sampleTimerWakeup(sim.now() - idleSince), notBefore);
            sim.schedule(returnEvent, at);
            return at;
        });
    }

    boolean isParked() {
        return parked;
    }

    long returnDue() {
        return returnDue;
    }

    /** The thread is back from a call that returned just now (a released compute). */
    void returnedNow() {
        returnDue = sim.now();
    }

    /** Blocking I/O or a sleep of {@code nanos}. */
    void block(long nanos, boolean sleep) {
        returnDue = sim.now() + nanos;
        if (sleep) {
            idleSince = sim.now();
            timers.arm(expiry, returnDue);
        } else {
            sim.schedule(returnEvent, returnDue);
        }
    }

    /**
     * Parks until unparked, or until {@code timeoutNanos} (-1: none). Returns false, without
     * parking, if an unpark came first: the thread is back at once.
     */
    boolean park(long timeoutNanos) {
        if (unparkPending) {
            unparkPending = false;
            returnDue = sim.now();
            return false;
        }
        parked = true;
        thread.blockedSince = sim.now();
        if (timeoutNanos >= 0) {
            returnDue = sim.now() + timeoutNanos;
            idleSince = sim.now();
            timers.arm(expiry, returnDue);
        }
        return true;
    }

    /** See {@link PyThread#unpark(long)}. */
    void unpark(long latencyNanos) {
        if (!parked) {
            unparkPending = true;
            return;
        }
        if (unparkWake.isScheduled()) {
            return;
        }
        timers.cancel(expiry);
        sim.cancel(returnEvent);
        returnDue = sim.now();
        long latency = latencyNanos >= 0 ? latencyNanos
                : interpreter.sampleWakeupLatency(sim.now() - thread.blockedSince);
        sim.schedule(unparkWake, sim.now() + latency);
    }
}
