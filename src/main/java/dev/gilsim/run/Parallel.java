package dev.gilsim.run;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for runs submitted to a pool, with their failures passed on as they were thrown. */
public final class Parallel {
    private Parallel() {
    }

    /**
     * Waits for one run. A run's {@link RuntimeException} (bad input found late, a broken
     * invariant) is rethrown unchanged, so the command reports it as if it ran in this thread.
     */
    public static void join(Future<?> f, String what) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
