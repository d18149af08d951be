package dev.gilsim.kernel;

/**
 * A reusable handle for something that happens at a point of virtual time.
 *
 * <p>Hot-path events (a thread's compute completion, its GIL timeout) are allocated once per
 * thread and rescheduled, so a run does not allocate per event. Events at the same instant fire
 * in (priority, sequence) order: a lower priority fires first, and among equal priorities the one
 * scheduled first fires first. That makes every run a pure function of its inputs.
 */
public final class Event {
    /** Bits of {@link #order} that hold the sequence number: 2^47 schedules, months of a run. */
    static final int SEQUENCE_BITS = 47;
    /** Priorities from -2^15 to 2^15 - 1 fit above the sequence and keep their order. */
    static final int MIN_PRIORITY = -(1 << 15);
    static final int MAX_PRIORITY = (1 << 15) - 1;

    final Runnable action;
    final int priority;
    long time;
    /**
     * Priority and sequence number in one non-negative number that sorts as the pair does, so the
     * queue compares two {@code long}s per key instead of three fields.
     */
    long order;
    int heapIndex = -1;
    /** Which of the queue's lanes holds the event, and where, or -1 (EventQueue, EventLane). */
    int lane = -1;
    long lanePosition = -1;

    public Event(int priority, Runnable action) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
        this.priority = priority;
        this.action = action;
    }

    public Event(Runnable action) {
        this(0, action);
    }

    public boolean isScheduled() {
        return heapIndex >= 0 || lane >= 0;
    }

    /** When the event fires; meaningful only while it is scheduled. */
    public long time() {
        return time;
    }

    /** Sets the key the queue orders by: fire at {@code at}, the {@code sequence}-th scheduled. */
    void key(long at, long sequence) {
        key(at, priority, sequence);
    }

    /** The same with another priority than the event's own ({@link Simulator#scheduleAs}). */
    void key(long at, int asPriority, long sequence) {
        time = at;
        order = ((long) (asPriority - MIN_PRIORITY) << SEQUENCE_BITS) | sequence;
    }
}
