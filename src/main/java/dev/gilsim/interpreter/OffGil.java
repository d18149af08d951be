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
    private final long timerSlack;
    private final Event timer;
    private final Event unparkWake;

    /** When the blocking call returns (or the unpark came): the start of the return delay. */
    private long returnDue;
    private boolean parked;
    private boolean unparkPending;

    OffGil(PyThread thread, Interpreter interpreter, Runnable onBack) {
        this.thread = thread;
        this.interpreter = interpreter;
        this.sim = interpreter.machine().simulator();
        this.timerSlack = interpreter.machine().os().timerSlackNanos();
        Runnable back = () -> {
            parked = false;
            onBack.run();
        };
        this.timer = new Event(EventOrder.STEP, back);
        this.unparkWake = new Event(EventOrder.WAKE, back);
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
        // C4: a sleep's timer fires late by the timer slack, and the sleeper then needs a wake-up.
        sim.schedule(timer, sleep
                ? returnDue + timerSlack + interpreter.sampleTimerWakeup(nanos + timerSlack) : returnDue);
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
            sim.schedule(timer, returnDue + timerSlack + interpreter.sampleTimerWakeup(timeoutNanos + timerSlack));
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
        sim.cancel(timer);
        returnDue = sim.now();
        long latency = latencyNanos >= 0 ? latencyNanos
                : interpreter.sampleWakeupLatency(sim.now() - thread.blockedSince);
        sim.schedule(unparkWake, sim.now() + latency);
    }
}
