package dev.gilsim.interpreter;

import org.apache.commons.math3.random.RandomGenerator;

/** The waiter that began waiting first, as a fair condition variable would wake. */
public final class FifoWakeup implements WakeupPolicy {
    @Override
    public PyThread choose(GilWaiters waiters, RandomGenerator random) {
        return waiters.first();
    }
}
