package dev.gilsim.executor;

import dev.gilsim.kernel.Distribution;
import java.util.Objects;

/** An executor as the scenario declares it, one instance per server process. */
public sealed interface ExecutorSpec {

    String name();

    /** Whether the endpoint creates a new pool per request ({@code with ...() as pool:}) and shuts it down after. */
    boolean perRequest();

    /**
     * E1: {@code concurrent.futures.ThreadPoolExecutor}.
     *
     * @param maxWorkers null for the Python version's default
     * @param threadStart the submitter's cost of {@code Thread.start()} (a {@code clone} syscall)
     */
    record ThreadPool(String name, Integer maxWorkers, boolean perRequest, Distribution threadStart)
            implements ExecutorSpec {
        public ThreadPool {
            requireName(name);
            if (maxWorkers != null && maxWorkers < 1) {
                throw new IllegalArgumentException("max_workers must be at least 1");
            }
            Objects.requireNonNull(threadStart, "threadStart");
        }
    }

    /**
     * E2: anyio's {@code CapacityLimiter} in front of its worker threads (FastAPI {@code def}
     * endpoints and {@code def} dependencies, Starlette's {@code run_in_threadpool}).
     *
     * @param tokens how many calls run at once ({@code anyio.to_thread}'s default limiter has 40)
     * @param idleRetireNanos idle threads older than this are stopped at the next submit (10 s)
     */
    record AnyioLimiter(String name, int tokens, long idleRetireNanos, Distribution threadStart)
            implements ExecutorSpec {
        public AnyioLimiter {
            requireName(name);
            if (tokens < 1) {
                throw new IllegalArgumentException("a capacity limiter needs at least one token");
            }
            if (idleRetireNanos <= 0) {
                throw new IllegalArgumentException("idle retirement must be positive");
            }
            Objects.requireNonNull(threadStart, "threadStart");
        }

        @Override
        public boolean perRequest() {
            return false;
        }
    }

    /**
     * E3: {@code concurrent.futures.ProcessPoolExecutor}.
     *
     * @param maxWorkers null for the default, the CPU count
     */
    record ProcessPool(String name, Integer maxWorkers, StartMethod startMethod, boolean perRequest,
            ProcessPoolCosts costs) implements ExecutorSpec {
        public ProcessPool {
            requireName(name);
            if (maxWorkers != null && maxWorkers < 1) {
                throw new IllegalArgumentException("max_workers must be at least 1");
            }
            Objects.requireNonNull(startMethod, "startMethod");
            Objects.requireNonNull(costs, "costs");
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an executor needs a name");
        }
    }
}
