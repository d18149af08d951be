package dev.gilsim.interpreter;


/**
 * A thread's blocking wait for "something to do" (an idle pool worker on its queue's lock, a loop
 * in {@code epoll_wait}, a manager thread in {@code connection.wait}): the GIL is released and the
 * thread sleeps until one of possibly many wake-ups. Only the first wake-up of a wait unparks the
 * thread, so a park's permit is always consumed by that park and never leaks into a later one.
 */
public final class Waker {
    private static final Step.Park PARK = new Step.Park(-1);

    private final PyThread thread;
    private boolean waiting;
    private boolean woken;

    public Waker(PyThread thread) {
        this.thread = thread;
    }

    public PyThread thread() {
        return thread;
    }

    /** The step that begins the wait; return it from the thread's step source. */
    public Step park() {
        waiting = true;
        woken = false;
        return PARK;
    }

    /** Call first thing in the step source: a wait that began has ended. */
    public void resumed() {
        waiting = false;
        woken = false;
    }

    /** True between {@link #park()} and the first {@link #wake()}: the thread is idle. */
    public boolean isIdle() {
        return waiting && !woken;
    }

    /** Ends the wait, if one is in progress and nobody ended it yet. */
    public void wake() {
        wake(-1);
    }

    /** As {@link #wake()}, with a given wake-up latency ({@code >= 0}) instead of a drawn one. */
    public void wake(long latencyNanos) {
        if (waiting && !woken) {
            woken = true;
            thread.unpark(latencyNanos);
        }
    }
}
