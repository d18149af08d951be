package dev.gilsim.kernel;

/**
 * Events added in non-decreasing key order, in a ring: O(1) to add and to take the first. A
 * cancelled event leaves an empty slot that the head skips. See {@link EventQueue}.
 */
final class EventLane {
    private Event[] events = new Event[64];
    private long[] times = new long[64];
    private long[] orders = new long[64];
    /** Absolute positions: a slot is {@code position & (events.length - 1)}. */
    private long head;
    private long tail;
    private int live;
    /** The key of the newest event, removed or not: a later one may follow it. */
    private long lastTime = Long.MIN_VALUE;
    private long lastOrder;
    final int index;

    EventLane(int index) {
        this.index = index;
    }

    int live() {
        return live;
    }

    /** Whether {@code e} may join: its key is not before the newest event's, or the lane is empty. */
    boolean accepts(Event e) {
        return live == 0 || e.time > lastTime || (e.time == lastTime && e.order > lastOrder);
    }

    /** How far behind {@code e}'s time the newest event lies: the smaller, the better the fit. */
    long gap(Event e) {
        return live == 0 ? Long.MAX_VALUE : e.time - lastTime;
    }

    void add(Event e) {
        if (live == 0) {
            head = tail;
        }
        if (tail - head == events.length) {
            grow();
        }
        int i = slot(tail);
        events[i] = e;
        times[i] = e.time;
        orders[i] = e.order;
        e.lane = index;
        e.lanePosition = tail++;
        live++;
        lastTime = e.time;
        lastOrder = e.order;
    }

    void remove(Event e) {
        events[slot(e.lanePosition)] = null;
        e.lane = -1;
        e.lanePosition = -1;
        live--;
    }

    /** The first live event's slot; only while the lane holds one. */
    int first() {
        while (events[slot(head)] == null) {
            head++;
        }
        return slot(head);
    }

    long time(int slot) {
        return times[slot];
    }

    long order(int slot) {
        return orders[slot];
    }

    Event event(int slot) {
        return events[slot];
    }

    Event poll() {
        int i = first();
        Event e = events[i];
        events[i] = null;
        head++;
        live--;
        e.lane = -1;
        e.lanePosition = -1;
        return e;
    }

    /** Doubles the ring, keeping each event at its absolute position. */
    private void grow() {
        int capacity = events.length * 2;
        Event[] l = new Event[capacity];
        long[] t = new long[capacity];
        long[] o = new long[capacity];
        for (long p = head; p < tail; p++) {
            int from = slot(p);
            int to = (int) (p & (capacity - 1));
            l[to] = events[from];
            t[to] = times[from];
            o[to] = orders[from];
        }
        events = l;
        times = t;
        orders = o;
    }

    private int slot(long position) {
        return (int) (position & (events.length - 1));
    }
}
