package dev.gilsim.interpreter;

/**
 * One core's GIL waits in the order they expire, in a ring (C9): every GIL wait of a process is
 * armed one switch interval from now, so each is armed after the ones before it and joins at the
 * back, in O(1); the first to fire is at the front. A heap of 10,000 waits' timers cost a sift of
 * 13 levels at every arming and firing: a quarter of the time of 10,000 CPU-bound threads. A
 * cancelled wait (its waiter was signalled) leaves an empty slot the front skips. Anything that
 * would not go at the back (a process with a shorter interval) goes to the core's heap instead.
 */
final class TimerLane<T> {
    private Object[] timers = new Object[16];
    /** Absolute positions: a slot is {@code position & (timers.length - 1)}. */
    private long head;
    private long tail;
    private int live;
    /** The newest timer's key, cancelled or not: a later one may follow it. */
    private long lastDeadline;
    private long lastSequence;

    /** Whether a timer of this key may join: the lane is empty, or it fires after the newest timer. */
    boolean accepts(long deadline, long sequence) {
        return live == 0 || deadline > lastDeadline || (deadline == lastDeadline && sequence > lastSequence);
    }

    /** Adds {@code t} at the back and returns its position, which {@link #remove(long)} takes. */
    long add(T t, long deadline, long sequence) {
        if (live == 0) {
            head = tail;
        }
        if (tail - head == timers.length) {
            grow();
        }
        timers[slot(tail)] = t;
        live++;
        lastDeadline = deadline;
        lastSequence = sequence;
        return tail++;
    }

    void remove(long position) {
        timers[slot(position)] = null;
        live--;
    }

    /** The first timer still armed, or null. */
    @SuppressWarnings("unchecked")
    T first() {
        if (live == 0) {
            return null;
        }
        while (timers[slot(head)] == null) {
            head++;
        }
        return (T) timers[slot(head)];
    }

    private int slot(long position) {
        return (int) (position & (timers.length - 1));
    }

    private void grow() {
        Object[] bigger = new Object[timers.length * 2];
        for (long p = head; p < tail; p++) {
            bigger[(int) (p & (bigger.length - 1))] = timers[slot(p)];
        }
        timers = bigger;
    }
}
