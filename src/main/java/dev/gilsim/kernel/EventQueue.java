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
 */
final class EventQueue {
    private Event[] events = new Event[64];
    private long[] times = new long[64];
    private long[] orders = new long[64];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** When the first event fires; meaningful only when the queue is not empty. */
    long firstTime() {
        return times[0];
    }

    Event peek() {
        return size == 0 ? null : events[0];
    }

    void add(Event e) {
        if (size == events.length) {
            int capacity = size * 2;
            events = Arrays.copyOf(events, capacity);
            times = Arrays.copyOf(times, capacity);
            orders = Arrays.copyOf(orders, capacity);
        }
        siftUp(size++, e, e.time, e.order);
    }

    Event poll() {
        Event top = events[0];
        removeAt(0);
        return top;
    }

    void remove(Event e) {
        removeAt(e.heapIndex);
    }

    /** Moves a scheduled event to its new key in place: the same as removing and adding it again. */
    void changed(Event e) {
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
