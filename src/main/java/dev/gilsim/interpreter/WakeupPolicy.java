package dev.gilsim.interpreter;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * G6: which waiter a release signals. CPython has no say: the OS picks. The policy models that
 * choice, and lets what-if experiments give CPython a preference it does not have.
 */
public interface WakeupPolicy {

    /**
     * Returns the waiter to wake. {@code waiters} is never empty and holds the threads in the
     * order they began their current timed wait.
     */
    PyThread choose(GilWaiters waiters, RandomGenerator random);
}
