package dev.gilsim.interpreter;

import org.apache.commons.math3.random.RandomGenerator;

/** The most recent waiter: the worst case for a thread that has waited long. */
public final class LifoWakeup implements WakeupPolicy {
    @Override
    public PyThread choose(GilWaiters waiters, RandomGenerator random) {
        return waiters.last();
    }
}
