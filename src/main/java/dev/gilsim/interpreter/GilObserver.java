package dev.gilsim.interpreter;

/**
 * What the interpreter model tells the layers above it. Metrics, traces and tests listen here;
 * the model itself keeps no statistics beyond what its rules need.
 */
public interface GilObserver {
    GilObserver NONE = new GilObserver() {
    };

    default void threadState(PyThread thread, ThreadState from, ThreadState to, long now) {
    }

    /** The thread began a step labelled {@code label} (null: an unlabelled step). */
    default void stepLabel(PyThread thread, String label, long now) {
    }

    /** {@code waited} runs from when the thread first wanted the GIL to when it holds it. */
    default void gilAcquired(PyThread thread, long waited, long now) {
    }

    /** G2: a waiter timed out with no switch in between and asked the holder to drop the GIL. */
    default void dropRequested(PyThread requester, PyThread holder, long now) {
    }

    /** G5: the holder saw a drop request at a check point and let go. */
    default void forcedDrop(PyThread holder, long now) {
    }

    /** G8: the holder released the GIL around I/O, a releasing native call, or on exit. */
    default void voluntaryDrop(PyThread holder, long now) {
    }

    /**
     * A blocking call returned and the thread holds the GIL again; {@code delay} is how long after
     * the call's intended end (e.g. the end of {@code time.sleep}) the thread ran Python again.
     */
    default void returnedFromBlocking(PyThread thread, long delay, long now) {
    }

    default void coresBusy(int busy, long now) {
    }

    /** G2: the thread began a timed wait for the GIL (a fresh interval). */
    default void gilWaitBegan(PyThread thread, long now) {
    }

    /**
     * G2, G6: a waiter runs again, after its timeout ({@code timedOut}) or a release's signal, and
     * is about to take the GIL or wait again.
     */
    default void gilWaitEnded(PyThread thread, boolean timedOut, long now) {
    }
}
