package dev.gilsim.interpreter;

import java.util.Arrays;
import java.util.function.Predicate;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The threads in a GIL's timed wait (G1), in the order each began its current wait, with O(1)
 * joining and leaving: a waiter that times out or is woken leaves an empty slot behind, skipped
 * and compacted later. A plain list shifted every thread behind the one that left, which made each
 * hand-off among 10,000 waiting threads cost as much as copying them all.
 */
public final class GilWaiters {
    private PyThread[] slots = new PyThread[16];
    /** G12: each slot's waiter's place in the order of every wait that ever joined. */
    private long[] places = new long[16];
    private long joined;
    /** Slots [head, tail) hold the waiters in order, with nulls where one left. */
    private int head;
    private int tail;
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The thread that has waited longest in its current wait. */
    public PyThread first() {
        while (slots[head] == null) {
            head++;
        }
        return slots[head];
    }

    /** The thread that began waiting last. */
    public PyThread last() {
        while (slots[tail - 1] == null) {
            tail--;
        }
        return slots[tail - 1];
    }

    /** The {@code index}-th waiter in order, counting from 0; walks the slots, for policies that draw one. */
    public PyThread get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        for (int i = head, seen = 0;; i++) {
            if (slots[i] != null && seen++ == index) {
                return slots[i];
            }
        }
    }

    /** Any waiter, uniformly; the stream is drawn from only when there is a choice. */
    public PyThread any(RandomGenerator random) {
        return size == 1 ? first() : get(random.nextInt(size));
    }

    /** How many waiters pass {@code test}. */
    public int count(Predicate<PyThread> test) {
        int n = 0;
        for (int i = head; i < tail; i++) {
            if (slots[i] != null && test.test(slots[i])) {
                n++;
            }
        }
        return n;
    }

    /** The {@code index}-th waiter, in order, of those that pass {@code test}. */
    public PyThread get(Predicate<PyThread> test, int index) {
        for (int i = head, seen = 0; i < tail; i++) {
            if (slots[i] != null && test.test(slots[i]) && seen++ == index) {
                return slots[i];
            }
        }
        throw new IndexOutOfBoundsException(index);
    }

    boolean contains(PyThread t) {
        return t.waiterSlot >= 0;
    }

    /** G12: a waiter's place in the order of all waits so far: 0 for the first ever. */
    long place(PyThread t) {
        return places[t.waiterSlot];
    }

    /** G12: the place the next wait to join will get. */
    long nextPlace() {
        return joined;
    }

    void add(PyThread t) {
        if (t.waiterSlot >= 0) {
            throw new IllegalStateException(t + " is already waiting");
        }
        if (tail == slots.length) {
            makeRoom();
        }
        t.waiterSlot = tail;
        places[tail] = joined++;
        slots[tail++] = t;
        size++;
    }

    void remove(PyThread t) {
        int slot = t.waiterSlot;
        if (slot < 0) {
            return;
        }
        slots[slot] = null;
        t.waiterSlot = -1;
        size--;
        if (size == 0) {
            head = 0;
            tail = 0;
        }
    }

    /** Compacts when at least half the slots are empty, else doubles: amortised O(1) per join. */
    private void makeRoom() {
        if (size * 2 > slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
            places = Arrays.copyOf(places, places.length * 2);
        }
        int to = 0;
        for (int i = head; i < tail; i++) {
            PyThread t = slots[i];
            if (t != null) {
                slots[i] = null;
                slots[to] = t;
                places[to] = places[i];
                t.waiterSlot = to++;
            }
        }
        head = 0;
        tail = to;
    }
}
