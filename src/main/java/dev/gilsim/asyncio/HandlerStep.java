package dev.gilsim.asyncio;

import dev.gilsim.kernel.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * One step of a handler or coroutine as the scenario writes it; durations are distributions drawn
 * each time the step runs. The synchronous steps run on whichever thread runs the code (the loop
 * thread for an {@code async def}, a pool thread for a {@code def}); the awaits exist only in
 * coroutines.
 */
public sealed interface HandlerStep {

    /** Whether this step suspends a coroutine (and so cannot run in a worker thread). */
    default boolean isAwait() {
        return false;
    }

    /** Python bytecode holding the GIL, with check points (G4). */
    record Cpu(Distribution duration) implements HandlerStep {
        public Cpu {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** A C call holding the GIL with no check points, such as {@code pow(365, 10**14)}. */
    record Native(Distribution duration) implements HandlerStep {
        public Native {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** A C call that releases the GIL while it computes ({@code hashlib}, {@code zlib}, NumPy). */
    record NativeReleasing(Distribution duration) implements HandlerStep {
        public NativeReleasing {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** A short non-blocking syscall: the GIL released and re-taken at once. */
    record Syscall(Distribution duration) implements HandlerStep {
        public Syscall {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** Blocking I/O (a synchronous database driver, {@code requests.get}); on the loop it blocks the loop. */
    record Io(Distribution duration) implements HandlerStep {
        public Io {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** {@code time.sleep}; on the loop it blocks the loop. */
    record Sleep(Distribution duration) implements HandlerStep {
        public Sleep {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** {@code await asyncio.sleep(d)}: a timer on the loop. */
    record AwaitSleep(Distribution duration) implements HandlerStep {
        public AwaitSleep {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public boolean isAwait() {
            return true;
        }
    }

    /** {@code await} on network or database I/O: no GIL, no core; the selector reports completion. */
    record AwaitIo(Distribution duration) implements HandlerStep {
        public AwaitIo {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public boolean isAwait() {
            return true;
        }
    }

    /** L3: {@code await loop.run_in_executor(pool, f)} where {@code f} runs {@code steps}. */
    record RunInExecutor(String executor, List<HandlerStep> steps) implements HandlerStep {
        public RunInExecutor {
            if (executor == null || executor.isBlank()) {
                throw new IllegalArgumentException("run_in_executor needs an executor name");
            }
            steps = requireSynchronous(steps, "run_in_executor");
        }

        @Override
        public boolean isAwait() {
            return true;
        }
    }

    /** {@code await asyncio.to_thread(f)}: the loop's default executor, a {@code ThreadPoolExecutor}. */
    record ToThread(List<HandlerStep> steps) implements HandlerStep {
        public ToThread {
            steps = requireSynchronous(steps, "to_thread");
        }

        @Override
        public boolean isAwait() {
            return true;
        }
    }

    /**
     * A synchronous step with the name the scenario gave it ({@code label:}): the timeline and
     * trace of the thread that runs it show the name. An await runs on no thread, so has none.
     */
    record Labelled(String label, HandlerStep step) implements HandlerStep {
        public Labelled {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(step, "step");
            if (step.isAwait() || step instanceof Labelled) {
                throw new IllegalArgumentException("a label names one synchronous step, not " + step);
            }
        }
    }

    /** Copies the steps and rejects awaits: a function run in a thread cannot await. */
    static List<HandlerStep> requireSynchronous(List<HandlerStep> steps, String where) {
        List<HandlerStep> copy = List.copyOf(steps);
        for (HandlerStep s : copy) {
            if (s.isAwait()) {
                throw new IllegalArgumentException(where + " runs a plain function, which cannot await: " + s);
            }
        }
        return copy;
    }
}
