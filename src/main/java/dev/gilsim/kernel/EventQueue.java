package dev.gilsim.kernel;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, priority, sequence). Each event remembers its own
 * slot, so cancelling is O(log n) instead of a linear search or a tombstone that lingers.
 *
 * <p>The keys live in two {@code long} arrays beside the events, each slot's time in
 * {@code times} and its priority and sequence packed into one number in {@code orders}
 * ({@link Event#order}), so a sift compares array elements instead of following a pointer to
 * each event it passes: that measured 1.4 to 1.8 times faster at every size from 8 to 10,000
 * pending events. The order is total (no two events share a sequence number), so which event
 * fires next never depends on the heap's shape.
 *
 * <p>Beside the heap, a few lanes ({@link EventLane}): an event whose key is not before the newest
 * of a lane joins the lane that fits it most closely (patience sorting), in O(1), and the first
 * event is the earliest of the heap's top and the lanes' heads. The events of a run come mostly in
 * a few such streams, each a fixed delay from now: a contended run's GIL timeouts (one interval),
 * CPU steps of one length. With 10,000 waiting threads the heap's sifts were three quarters of a
 * run's time. The lanes are used once the heap holds {@link #LANES_FROM} events.
 */
final class EventQueue {
    private static final int LANES = 4;
    /**
     * The heap's size from which new events try the lanes: below it a heap is as fast, and looking
     * at the lanes at every event cost a small run about a tenth of its speed.
     */
    private static final int LANES_FROM = 256;

    private final int lanesFrom;

    private Event[] events = new Event[64];
    private long[] times = new long[64];
    private long[] orders = new long[64];
    private int size;
    private final EventLane[] lanes = new EventLane[LANES];
    private int laneLive;

    EventQueue() {
        this(LANES_FROM);
    }

    /** A queue whose lanes take events once the heap holds {@code lanesFrom}: 0 in tests. */
    EventQueue(int lanesFrom) {
        this.lanesFrom = lanesFrom;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new EventLane(i);
        }
    }

    int size() {
        return size + laneLive;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** When the first event fires; meaningful only when the queue is not empty. */
    long firstTime() {
        if (laneLive == 0) {
            return times[0];
        }
        EventLane l = firstLane();
        return l == null ? times[0] : l.time(l.first());
    }

    Event peek() {
        if (laneLive == 0) {
            return size == 0 ? null : events[0];
        }
        EventLane l = firstLane();
        return l == null ? events[0] : l.event(l.first());
    }

    /** The lane whose head comes before every other head and the heap's top, or null for the heap. */
    private EventLane firstLane() {
        EventLane best = null;
        long bestTime = 0;
        long bestOrder = 0;
        if (size > 0) {
            bestTime = times[0];
            bestOrder = orders[0];
        }
        boolean any = size > 0;
        for (EventLane l : lanes) {
            if (l.live() == 0) {
                continue;
            }
            int i = l.first();
            long t = l.time(i);
            long o = l.order(i);
            if (!any || t < bestTime || (t == bestTime && o < bestOrder)) {
                best = l;
                bestTime = t;
                bestOrder = o;
                any = true;
            }
        }
        return best;
    }

    void add(Event e) {
        if (size < lanesFrom && laneLive == 0) {
            heapAdd(e);
            return;
        }
        EventLane fit = null;
        for (EventLane l : lanes) {
            if (l.accepts(e) && (fit == null || l.gap(e) < fit.gap(e))) {
                fit = l;
            }
        }
        if (fit != null) {
            fit.add(e);
            laneLive++;
            return;
        }
        heapAdd(e);
    }

    private void heapAdd(Event e) {
        if (size == events.length) {
            int capacity = size * 2;
            events = Arrays.copyOf(events, capacity);
            times = Arrays.copyOf(times, capacity);
            orders = Arrays.copyOf(orders, capacity);
        }
        siftUp(size++, e, e.time, e.order);
    }

    Event poll() {
        if (laneLive > 0) {
            EventLane l = firstLane();
            if (l != null) {
                laneLive--;
                return l.poll();
            }
        }
        Event top = events[0];
        removeAt(0);
        return top;
    }

    void remove(Event e) {
        if (e.lane >= 0) {
            lanes[e.lane].remove(e);
            laneLive--;
            return;
        }
        removeAt(e.heapIndex);
    }

    /** Moves a scheduled event to its new key: the same as removing and adding it again. */
    void changed(Event e) {
        if (e.lane >= 0) {
            remove(e);
            add(e);
            return;
        }
        int index = e.heapIndex;
        if (index > 0 && before(e.time, e.order, (index - 1) >>> 1)) {
            siftUp(index, e, e.time, e.order);
        } else {
            siftDown(index, e, e.time, e.order);
        }
    }

    private void removeAt(int index) {
        Event removed = events[index];
        size--;
        removed.heapIndex = -1;
        Event last = events[size];
        events[size] = null;
        if (index == size) {
            return;
        }
        long time = times[size];
        long order = orders[size];
        if (index > 0 && before(time, order, (index - 1) >>> 1)) {
            siftUp(index, last, time, order);
        } else {
            siftDown(index, last, time, order);
        }
    }

    /** Whether the key (time, order) comes before slot {@code i}'s. */
    private boolean before(long time, long order, int i) {
        long t = times[i];
        return time < t || (time == t && order < orders[i]);
    }

    /** Places {@code e} with its key at {@code index} or above, moving larger parents down. */
    private void siftUp(int index, Event e, long time, long order) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(time, order, parent)) {
                break;
            }
            put(index, events[parent], times[parent], orders[parent]);
            index = parent;
        }
        put(index, e, time, order);
    }

    /** Places {@code e} with its key at {@code index} or below, moving smaller children up. */
    private void siftDown(int index, Event e, long time, long order) {
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && (times[right] < times[child]
                    || (times[right] == times[child] && orders[right] < orders[child]))) {
                child = right;
            }
            long ct = times[child];
            if (time < ct || (time == ct && order < orders[child])) {
                break;
            }
            put(index, events[child], ct, orders[child]);
            index = child;
        }
        put(index, e, time, order);
    }

    private void put(int index, Event e, long time, long order) {
        events[index] = e;
        times[index] = time;
        orders[index] = order;
        e.heapIndex = index;
    }
}
