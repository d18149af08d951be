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
 */
public final class Cores {
    private final Simulator sim;
    private final int count;
    private final long timeSlice;
    private final GilObserver observer;
    private final List<PyThread> running = new ArrayList<>();
    private final ArrayDeque<PyThread> runQueue = new ArrayDeque<>();

    Cores(Simulator sim, int count, long timeSlice, GilObserver observer) {
        this.sim = sim;
        this.count = count;
        this.timeSlice = timeSlice;
        this.observer = observer;
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
        PyThread next = runQueue.poll();
        if (next != null) {
            running.add(next);
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
        t.onPreempted();
        runQueue.add(t);
        PyThread next = runQueue.poll();
        running.add(next);
        grant(next);
    }
}
