package dev.gilsim.executor;

import dev.gilsim.interpreter.Completion;
import dev.gilsim.interpreter.Work;

/** A pool that runs submitted {@link Work} on threads or child processes (E1 to E3). */
public interface Executor {

    /** The pool's name as the scenario wrote it. */
    String name();

    /**
     * {@code executor.submit(fn)} from the current thread. Returns the steps the submitting thread
     * runs first (pickling, starting a thread or process); the task is queued when they are done.
     */
    Work submit(Work task, Completion done);

    /** The awaiting task resumed on its loop (anyio gives its token back here, E2). */
    default void resumed() {
    }

    /**
     * {@code shutdown(wait=True)}: queued tasks still run, then every worker exits; {@code joined}
     * runs when the last one has.
     */
    void shutdown(Runnable joined);

    /** The pool's counts of submitted and completed tasks. */
    TaskLedger ledger();

    /** Tasks submitted and not yet completed; checked against the pool's own bookkeeping. */
    default long inFlight() {
        return ledger().inFlight();
    }

    default long submittedCount() {
        return ledger().submittedCount();
    }

    default long completedCount() {
        return ledger().completedCount();
    }

    /** Throws {@link IllegalStateException} if the pool's counts disagree with its queues. */
    void checkInvariants();
}
