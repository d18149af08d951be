package dev.gilsim.interpreter;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/** Any waiter, uniformly: nothing prefers the main thread, the loop or the longest waiter (G1). */
public final class RandomWakeup implements WakeupPolicy {
    @Override
    public int choose(List<PyThread> waiters, RandomGenerator random) {
        return waiters.size() == 1 ? 0 : random.nextInt(waiters.size());
    }
}
