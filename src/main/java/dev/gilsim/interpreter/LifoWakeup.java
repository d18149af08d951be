package dev.gilsim.interpreter;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/** The most recent waiter: the worst case for a thread that has waited long. */
public final class LifoWakeup implements WakeupPolicy {
    @Override
    public int choose(List<PyThread> waiters, RandomGenerator random) {
        return waiters.size() - 1;
    }
}
