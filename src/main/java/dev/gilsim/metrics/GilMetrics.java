package dev.gilsim.metrics;

import dev.gilsim.interpreter.GilObserver;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.ThreadState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;

/**
 * Listens to the interpreter model and keeps model.md section 7's figures for the threads and
 * cores: time in each state, GIL acquisitions, drops and requests, waits to acquire the GIL, and
 * core utilisation, all clipped to the measurement window. Threads are listed in the order they
 * first appear, so output never depends on hash order.
 */
public final class GilMetrics implements GilObserver {
    private final Window window;
    private ThreadMetrics[] byId = new ThreadMetrics[16];
    private final List<ThreadMetrics> threads = new ArrayList<>();
    private PyThread[] lastAcquirer = new PyThread[4];
    private int busyCores;
    private long busySince;
    private long coreNanos;

    public GilMetrics(Window window) {
        this.window = window;
    }

    public Window window() {
        return window;
    }

    private ThreadMetrics of(PyThread t) {
        int id = t.id();
        if (id >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
        }
        ThreadMetrics m = byId[id];
        if (m == null) {
            m = new ThreadMetrics(t);
            byId[id] = m;
            threads.add(m);
        }
        return m;
    }

    /** Registers a thread before it runs, so even a thread that never starts is listed. */
    public void register(PyThread t) {
        of(t);
    }

    @Override
    public void threadState(PyThread thread, ThreadState from, ThreadState to, long now) {
        of(thread).enter(to, now, window);
    }

    @Override
    public void stepLabel(PyThread thread, String label, long now) {
        of(thread).labelChanged(label, now, window);
    }

    @Override
    public void gilAcquired(PyThread thread, long waited, long now) {
        int process = thread.interpreter().id();
        if (process >= lastAcquirer.length) {
            lastAcquirer = Arrays.copyOf(lastAcquirer, Math.max(process + 1, lastAcquirer.length * 2));
        }
        PyThread previous = lastAcquirer[process];
        lastAcquirer[process] = thread;
        if (window.contains(now)) {
            ThreadMetrics m = of(thread);
            m.acquisitions++;
            if (previous != thread) {
                m.switchesIn++;
            }
            m.gilWaits().record(waited);
        }
    }

    @Override
    public void dropRequested(PyThread requester, PyThread holder, long now) {
        if (window.contains(now)) {
            of(requester).dropRequestsMade++;
            of(holder).dropRequestsReceived++;
        }
    }

    @Override
    public void forcedDrop(PyThread holder, long now) {
        if (window.contains(now)) {
            of(holder).forcedDrops++;
        }
    }

    @Override
    public void voluntaryDrop(PyThread holder, long now) {
        if (window.contains(now)) {
            of(holder).voluntaryDrops++;
        }
    }

    @Override
    public void returnedFromBlocking(PyThread thread, long delay, long now) {
        if (window.contains(now)) {
            of(thread).returnDelays().record(delay);
        }
    }

    @Override
    public void coresBusy(int busy, long now) {
        coreNanos += (long) busyCores * window.overlap(busySince, now);
        busyCores = busy;
        busySince = now;
    }

    /** One pass of a thread's program finished (for loops: an iteration; for servers: a request). */
    public void iterationCompleted(PyThread thread, long now) {
        of(thread).iterationEnded(now, window);
    }

    /** Closes every open interval at the end of the window. */
    public void finish() {
        for (ThreadMetrics m : threads) {
            m.close(window);
        }
        coresBusy(busyCores, window.end());
    }

    public List<ThreadMetrics> threads() {
        return Collections.unmodifiableList(threads);
    }

    public List<ThreadMetrics> threadsOf(Interpreter interpreter) {
        return threads.stream().filter(m -> m.thread().interpreter() == interpreter).toList();
    }

    /** Busy core-nanoseconds inside the window. */
    public long coreNanos() {
        return coreNanos;
    }
}
