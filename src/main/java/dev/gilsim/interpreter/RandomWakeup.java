package dev.gilsim.interpreter;

import org.apache.commons.math3.random.RandomGenerator;

/** Any waiter, uniformly: nothing prefers the main thread, the loop or the longest waiter (G1). */
public final class RandomWakeup implements WakeupPolicy {
    @Override
    public PyThread choose(GilWaiters waiters, RandomGenerator random) {
        return waiters.any(random);
    }
}
