package dev.gilsim.interpreter;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A what-if CPython lacks: wake a preferred waiter (the event-loop thread) when one waits,
 * otherwise any waiter uniformly. Layers above mark which threads are preferred.
 */
public final class PreferredFirstWakeup implements WakeupPolicy {
    @Override
    public int choose(List<PyThread> waiters, RandomGenerator random) {
        int preferred = 0;
        for (PyThread t : waiters) {
            if (t.isWakeupPreferred()) {
                preferred++;
            }
        }
        if (preferred == 0) {
            return waiters.size() == 1 ? 0 : random.nextInt(waiters.size());
        }
        int pick = preferred == 1 ? 0 : random.nextInt(preferred);
        for (int i = 0; i < waiters.size(); i++) {
            if (waiters.get(i).isWakeupPreferred() && pick-- == 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }
}
