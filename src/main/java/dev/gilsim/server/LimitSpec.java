package dev.gilsim.server;

/**
 * E5: at most {@code maxConcurrent} requests inside (per server process, as a semaphore or
 * uvicorn's {@code --limit-concurrency} counts); up to {@code maxQueued} more wait in FIFO order,
 * and the rest are answered at once with HTTP 503.
 */
public record LimitSpec(int maxConcurrent, int maxQueued) {
    public static final int UNBOUNDED_QUEUE = Integer.MAX_VALUE;

    public LimitSpec {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("a concurrency limit must be at least 1");
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("queue capacity must not be negative");
        }
    }

    /** uvicorn's {@code --limit-concurrency}: no queue, 503 at once. */
    public static LimitSpec rejectAbove(int maxConcurrent) {
        return new LimitSpec(maxConcurrent, 0);
    }

    /** An {@code asyncio.Semaphore}: everyone waits. */
    public static LimitSpec queueAbove(int maxConcurrent) {
        return new LimitSpec(maxConcurrent, UNBOUNDED_QUEUE);
    }
}
