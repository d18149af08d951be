package dev.gilsim.asyncio;

import dev.gilsim.executor.Executor;

/** How a coroutine finds the pool a {@code run_in_executor} names, in its own process. */
@FunctionalInterface
public interface ExecutorLookup {
    /** The name {@code to_thread} uses: the loop's default executor. */
    String DEFAULT = "default";

    /** The pool to submit to; a per-request pool is a fresh instance with {@code shutdownAfter}. */
    Lease lease(String name);

    record Lease(Executor executor, boolean shutdownAfter) {
    }
}
