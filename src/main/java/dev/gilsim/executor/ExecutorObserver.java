package dev.gilsim.executor;

/** What executors tell the metrics layer; process is the interpreter's name, executor the pool's. */
public interface ExecutorObserver {
    ExecutorObserver NONE = new ExecutorObserver() {
    };

    /** The number of tasks waiting for a worker (or, for anyio, for a token) changed. */
    default void executorQueueLength(String process, String executor, int length, long now) {
    }

    default void taskSubmitted(String process, String executor, long now) {
    }

    /** {@code queued} is how long the task waited before a worker began it. */
    default void taskCompleted(String process, String executor, long queued, long now) {
    }

    /** A pool started a worker thread or process. */
    default void workerStarted(String process, String executor, String worker, long now) {
    }
}
