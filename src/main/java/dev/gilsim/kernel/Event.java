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
    final Runnable action;
    final int priority;
    long time;
    long sequence;
    int heapIndex = -1;

    public Event(int priority, Runnable action) {
        this.priority = priority;
        this.action = action;
    }

    public Event(Runnable action) {
        this(0, action);
    }

    public boolean isScheduled() {
        return heapIndex >= 0;
    }

    /** When the event fires; meaningful only while it is scheduled. */
    public long time() {
        return time;
    }

    boolean firesBefore(Event other) {
        if (time != other.time) {
            return time < other.time;
        }
        if (priority != other.priority) {
            return priority < other.priority;
        }
        return sequence < other.sequence;
    }
}
