package dev.gilsim.interpreter;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/** The waiter that began waiting first, as a fair condition variable would wake. */
public final class FifoWakeup implements WakeupPolicy {
    @Override
    public int choose(List<PyThread> waiters, RandomGenerator random) {
        return 0;
    }
}
