package dev.gilsim.server;

import dev.gilsim.asyncio.LoopObserver;
import dev.gilsim.executor.ExecutorObserver;

/**
 * Everything an app tells the metrics layer: the loops' (L4) and executors' reports, and each
 * request's fate. Latencies run from the request's intended arrival (L5).
 */
public interface AppObserver extends LoopObserver, ExecutorObserver {
    AppObserver NONE = new AppObserver() {
    };

    default void requestArrived(String server, String endpoint, long now) {
    }

    /**
     * The request that arrived at {@code arrivedAt} (the time {@link #requestArrived} was told) is
     * answered, completed or rejected; told just before {@link #requestCompleted} or
     * {@link #requestRejected}.
     */
    default void requestAnswered(String server, String endpoint, long arrivedAt) {
    }

    /** A response; {@code worker} is the index of the process that served it. */
    default void requestCompleted(String server, String endpoint, int worker, long latency, long now) {
    }

    /** An HTTP 503 (E5): answered, but not served. */
    default void requestRejected(String server, String endpoint, int worker, long latency, long now) {
    }

    /** E5: a job's result reached its client: {@code timeToResult} from the submit's intended arrival. */
    default void jobResult(String server, long timeToResult, long now) {
    }
}
