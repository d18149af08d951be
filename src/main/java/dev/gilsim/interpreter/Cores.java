package dev.gilsim.interpreter;

import dev.gilsim.kernel.Simulator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU cores every process shares (C1 to C3). A thread holds a core while it computes, with or
 * without the GIL. When more threads want a core than there are cores, each running thread is
 * preempted at the end of its round-robin slice and queued behind the others (C2); a GIL holder
 * preempted this way keeps the GIL.
 *
 * <p>Cores are numbered, because a timer fires on the core that armed it (C9): a thread goes back
 * to the core it last ran on when that core is free, and otherwise to the lowest free one, as
 * Linux's wake-up placement does on a small machine (measured: 84 to 99 % of GIL waits begin on
 * the core the holder does not use).
 */
public final class Cores {
    private final Simulator sim;
    private final int count;
    private final long timeSlice;
    private final GilObserver observer;
    private final List<PyThread> running = new ArrayList<>();
    /** Who computes on each core; null: the core is free. */
    private final PyThread[] onCore;
    private final ArrayDeque<PyThread> runQueue = new ArrayDeque<>();

    Cores(Simulator sim, int count, long timeSlice, GilObserver observer) {
        this.sim = sim;
        this.count = count;
        this.timeSlice = timeSlice;
        this.observer = observer;
        this.onCore = new PyThread[count];
    }

    public int count() {
        return count;
    }

    public int busy() {
        return running.size();
    }

    public int waiting() {
        return runQueue.size();
    }

    /**
     * Returns true if a core was free and the thread now runs on it; otherwise the thread is queued
     * and {@link PyThread#onCoreGranted()} tells it when its turn comes.
     */
    boolean request(PyThread t) {
        if (running.size() < count) {
            // A free core means nobody queues, so no slice needs to end.
            running.add(t);
            take(t, placement(t));
            t.sliceStart = sim.now();
            observer.coresBusy(running.size(), sim.now());
            return true;
        }
        runQueue.add(t);
        armSlices();
        return false;
    }

    void release(PyThread t) {
        sim.cancel(t.sliceEnd);
        if (!running.remove(t)) {
            // It was still queued for a core (it left before the OS ran it).
            runQueue.remove(t);
            return;
        }
        int core = t.core;
        onCore[core] = null;
        t.core = -1;
        PyThread next = runQueue.poll();
        if (next != null) {
            running.add(next);
            take(next, core);
            grant(next);
        } else {
            observer.coresBusy(running.size(), sim.now());
        }
    }

    private void grant(PyThread t) {
        t.sliceStart = sim.now();
        if (!runQueue.isEmpty()) {
            sim.schedule(t.sliceEnd, sim.now() + timeSlice);
        }
        t.onCoreGranted();
    }

    /** Contention began: every running thread gets to the end of its current slice, no further. */
    private void armSlices() {
        long now = sim.now();
        for (PyThread r : running) {
            if (!r.sliceEnd.isScheduled()) {
                long ran = now - r.sliceStart;
                long slices = Math.max(1, (ran + timeSlice - 1) / timeSlice);
                sim.schedule(r.sliceEnd, r.sliceStart + slices * timeSlice);
            }
        }
    }

    void onSliceEnd(PyThread t) {
        if (runQueue.isEmpty()) {
            // Nobody waits: the OS lets it run on; a new slice starts when contention returns.
            t.sliceStart = sim.now();
            return;
        }
        running.remove(t);
        int core = t.core;
        onCore[core] = null;
        t.core = -1;
        t.onPreempted();
        runQueue.add(t);
        PyThread next = runQueue.poll();
        running.add(next);
        take(next, core);
        grant(next);
    }

    private void take(PyThread t, int core) {
        onCore[core] = t;
        t.core = core;
        t.lastCore = core;
    }

    /** The core a thread runs on when it gets one now: its last if free, else the lowest free. */
    private int placement(PyThread t) {
        if (t.lastCore >= 0 && onCore[t.lastCore] == null) {
            return t.lastCore;
        }
        for (int c = 0; c < onCore.length; c++) {
            if (onCore[c] == null) {
                return c;
            }
        }
        return t.lastCore >= 0 ? t.lastCore : 0;
    }

    /**
     * C9: the core a thread that is not computing wakes on to arm a timer (a GIL wait's, a sleep's,
     * the selector's): where it runs now, else where it would be placed (it runs there for the
     * microseconds it takes to arm, which the model does not charge).
     */
    int timerCore(PyThread t) {
        if (t.core >= 0) {
            return t.core;
        }
        int core = placement(t);
        t.lastCore = core;
        return core;
    }
}
