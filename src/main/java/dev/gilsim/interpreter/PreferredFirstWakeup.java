package dev.gilsim.interpreter;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A what-if CPython lacks: wake a preferred waiter (the event-loop thread) when one waits,
 * otherwise any waiter uniformly. Layers above mark which threads are preferred.
 */
public final class PreferredFirstWakeup implements WakeupPolicy {
    @Override
    public PyThread choose(GilWaiters waiters, RandomGenerator random) {
        int preferred = waiters.count(PyThread::isWakeupPreferred);
        if (preferred == 0) {
            return waiters.any(random);
        }
        return waiters.get(PyThread::isWakeupPreferred, preferred == 1 ? 0 : random.nextInt(preferred));
    }
}
