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

    static GilObserver both(GilObserver a, GilObserver b) {
        return new GilObserver() {
            @Override
            public void threadState(PyThread t, ThreadState from, ThreadState to, long now) {
                a.threadState(t, from, to, now);
                b.threadState(t, from, to, now);
            }

            @Override
            public void stepLabel(PyThread t, String label, long now) {
                a.stepLabel(t, label, now);
                b.stepLabel(t, label, now);
            }

            @Override
            public void gilAcquired(PyThread t, long waited, long now) {
                a.gilAcquired(t, waited, now);
                b.gilAcquired(t, waited, now);
            }

            @Override
            public void dropRequested(PyThread r, PyThread h, long now) {
                a.dropRequested(r, h, now);
                b.dropRequested(r, h, now);
            }

            @Override
            public void forcedDrop(PyThread h, long now) {
                a.forcedDrop(h, now);
                b.forcedDrop(h, now);
            }

            @Override
            public void voluntaryDrop(PyThread h, long now) {
                a.voluntaryDrop(h, now);
                b.voluntaryDrop(h, now);
            }

            @Override
            public void returnedFromBlocking(PyThread t, long delay, long now) {
                a.returnedFromBlocking(t, delay, now);
                b.returnedFromBlocking(t, delay, now);
            }

            @Override
            public void coresBusy(int busy, long now) {
                a.coresBusy(busy, now);
                b.coresBusy(busy, now);
            }
        };
    }
}
