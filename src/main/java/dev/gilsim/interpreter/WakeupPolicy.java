package dev.gilsim.interpreter;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * G6: which waiter a release signals. CPython has no say: the OS picks. The policy models that
 * choice, and lets what-if experiments give CPython a preference it does not have.
 */
public interface WakeupPolicy {

    /**
     * Returns the index of the waiter to wake. {@code waiters} is never empty and lists the
     * threads in the order they began their current timed wait.
     */
    int choose(List<PyThread> waiters, RandomGenerator random);
}
