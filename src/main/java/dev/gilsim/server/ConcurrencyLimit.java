package dev.gilsim.server;

import dev.gilsim.asyncio.Task;
import java.util.ArrayDeque;

/**
 * E5: a per-process semaphore in front of the work. A waiter is woken through its future (one
 * loop iteration later) and inherits the releaser's permit, as {@code asyncio.Semaphore} hands it.
 */
final class ConcurrencyLimit {
    enum Admission { ENTER, WAIT, REJECT }

    private final LimitSpec spec;
    private final ArrayDeque<Task> waiting = new ArrayDeque<>();
    private int inside;

    ConcurrencyLimit(LimitSpec spec) {
        this.spec = spec;
    }

    Admission admit(Task task) {
        if (inside < spec.maxConcurrent()) {
            inside++;
            return Admission.ENTER;
        }
        if (waiting.size() < spec.maxQueued()) {
            waiting.add(task);
            return Admission.WAIT;
        }
        return Admission.REJECT;
    }

    void release() {
        Task next = waiting.poll();
        if (next != null) {
            next.wakeSoon();
        } else {
            inside--;
        }
    }

    int inside() {
        return inside;
    }

    int waiting() {
        return waiting.size();
    }

    void check(String where) {
        if (inside < 0 || inside > spec.maxConcurrent() || waiting.size() > spec.maxQueued()) {
            throw new IllegalStateException(where + ": limit " + spec + " has " + inside + " inside and "
                    + waiting.size() + " waiting");
        }
    }
}
