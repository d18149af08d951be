package dev.gilsim.kernel;

/**
 * The virtual clock and its calendar of events. A simulator is a plain object with no static
 * state, so independent runs (replications, sweep points) can execute on different cores at once.
 * Time is a {@code long} count of nanoseconds from the start of the run.
 */
public final class Simulator {
    private final EventQueue queue = new EventQueue();
    private long now;
    private long nextSequence;
    private long eventsFired;
    private boolean stopped;

    public long now() {
        return now;
    }

    public long eventsFired() {
        return eventsFired;
    }

    public int pendingEvents() {
        return queue.size();
    }

    /** Schedules an event that is not already scheduled. */
    public void schedule(Event event, long at) {
        if (event.isScheduled()) {
            throw new IllegalStateException("event is already scheduled at " + event.time);
        }
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + at + " < " + now);
        }
        event.key(at, nextSequence());
        queue.add(event);
    }

    private long nextSequence() {
        if (nextSequence >>> Event.SEQUENCE_BITS != 0) {
            throw new IllegalStateException("more than 2^" + Event.SEQUENCE_BITS + " events scheduled in one run");
        }
        return nextSequence++;
    }

    /**
     * Takes the sequence number a {@link #schedule} now would take, for an event that is not
     * scheduled itself but stands in a shared one ({@link #scheduleAs}): every other event keeps
     * the number it would have had, so the order of a run does not change.
     */
    public long reserveSequence() {
        return nextSequence();
    }

    /**
     * Schedules or moves {@code event} with the key of another, the {@code sequence}-th (reserved)
     * with {@code priority}: one event that fires for the first of many (a core's timers, which the
     * clock interrupt serves in one go) fires exactly when that one's own event would have.
     */
    public void scheduleAs(Event event, long at, int priority, long sequence) {
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + at + " < " + now);
        }
        if (priority < Event.MIN_PRIORITY || priority > Event.MAX_PRIORITY || sequence >= nextSequence) {
            throw new IllegalArgumentException("not a reserved key: priority " + priority + ", sequence " + sequence);
        }
        boolean scheduled = event.isScheduled();
        event.key(at, priority, sequence);
        if (scheduled) {
            queue.changed(event);
        } else {
            queue.add(event);
        }
    }

    public void scheduleAfter(Event event, long delay) {
        schedule(event, now + delay);
    }

    /**
     * Moves an event, whether or not it was scheduled: the same as cancelling and scheduling it
     * again (it takes a new sequence number), moved within the queue in place.
     */
    public void reschedule(Event event, long at) {
        if (!event.isScheduled()) {
            schedule(event, at);
            return;
        }
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + at + " < " + now);
        }
        event.key(at, nextSequence());
        queue.changed(event);
    }

    /** Returns whether the event was scheduled (and so is now cancelled). */
    public boolean cancel(Event event) {
        if (!event.isScheduled()) {
            return false;
        }
        queue.remove(event);
        return true;
    }

    /** A one-shot event; for hot paths keep and reschedule an {@link Event} instead. */
    public Event at(long time, int priority, Runnable action) {
        Event e = new Event(priority, action);
        schedule(e, time);
        return e;
    }

    /**
     * Fires every event due at or before {@code end}, then leaves the clock at {@code end}. Events
     * scheduled later stay in the calendar, so a run can be continued.
     */
    public void runUntil(long end) {
        stopped = false;
        while (!stopped && !queue.isEmpty() && queue.firstTime() <= end) {
            Event e = queue.poll();
            now = e.time;
            eventsFired++;
            e.action.run();
        }
        if (!stopped && end > now) {
            now = end;
        }
    }

    /** Ends the current {@link #runUntil} after the event that is firing. */
    public void stop() {
        stopped = true;
    }
}
