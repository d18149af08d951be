package dev.gilsim.kernel;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, priority, sequence). Each event remembers its own
 * slot, so cancelling is O(log n) instead of a linear search or a tombstone that lingers.
 */
final class EventQueue {
    private Event[] heap = new Event[64];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Event peek() {
        return size == 0 ? null : heap[0];
    }

    void add(Event e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = e;
        e.heapIndex = size;
        size++;
        siftUp(e.heapIndex);
    }

    Event poll() {
        Event top = heap[0];
        removeAt(0);
        return top;
    }

    void remove(Event e) {
        removeAt(e.heapIndex);
    }

    private void removeAt(int index) {
        Event removed = heap[index];
        size--;
        Event last = heap[size];
        heap[size] = null;
        removed.heapIndex = -1;
        if (index == size) {
            return;
        }
        heap[index] = last;
        last.heapIndex = index;
        siftDown(index);
        if (heap[index] == last) {
            siftUp(index);
        }
    }

    private void siftUp(int index) {
        Event e = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            Event p = heap[parent];
            if (!e.firesBefore(p)) {
                break;
            }
            heap[index] = p;
            p.heapIndex = index;
            index = parent;
        }
        heap[index] = e;
        e.heapIndex = index;
    }

    private void siftDown(int index) {
        Event e = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            Event c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].firesBefore(c)) {
                child = right;
                c = heap[child];
            }
            if (!c.firesBefore(e)) {
                break;
            }
            heap[index] = c;
            c.heapIndex = index;
            index = child;
        }
        heap[index] = e;
        e.heapIndex = index;
    }
}
