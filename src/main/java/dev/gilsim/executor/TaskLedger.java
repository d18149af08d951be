package dev.gilsim.executor;

/**
 * The counts every pool keeps alike: tasks submitted and completed, and who waits for
 * {@code shutdown(wait=True)} to join the workers. One place, so the invariant "submitted minus
 * completed is what the queues hold" means the same in every pool.
 */
public final class TaskLedger {
    private long submitted;
    private long completed;
    private Runnable joined;

    void submitted() {
        submitted++;
    }

    void completed() {
        completed++;
    }

    long submittedCount() {
        return submitted;
    }

    long completedCount() {
        return completed;
    }

    long inFlight() {
        return submitted - completed;
    }

    void awaitJoin(Runnable whenJoined) {
        joined = whenJoined;
    }

    /** The last worker exited: tell whoever called shutdown, once. */
    void fireJoined() {
        Runnable j = joined;
        joined = null;
        if (j != null) {
            j.run();
        }
    }
}
