package dev.gilsim.asyncio;

import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.kernel.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * The awaits of a coroutine (model.md section 5): steps that suspend its task on the loop (L2)
 * and run on no thread. The synchronous steps between them are {@link ProgramStep} leaves.
 */
public sealed interface AsyncStep extends ProgramStep.Await {

    /** An await that lasts a drawn time: its mean is its duration's. */
    sealed interface Timed extends AsyncStep permits AwaitSleep, AwaitIo {
        Distribution duration();

        @Override
        default double meanNanos() {
            return duration().expectedNanos();
        }
    }

    /** {@code await asyncio.sleep(d)}: a timer on the loop. */
    record AwaitSleep(Distribution duration) implements Timed {
        public AwaitSleep {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public String describe() {
            return "await asyncio.sleep " + duration.describe();
        }
    }

    /** {@code await} on network or database I/O: no GIL, no core; the selector reports completion. */
    record AwaitIo(Distribution duration) implements Timed {
        public AwaitIo {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public String describe() {
            return "await io " + duration.describe();
        }
    }

    /** L3: {@code await loop.run_in_executor(pool, f)} where {@code f} runs {@code steps}. */
    record RunInExecutor(String executor, List<ProgramStep> steps) implements AsyncStep {
        public RunInExecutor {
            if (executor == null || executor.isBlank()) {
                throw new IllegalArgumentException("run_in_executor needs an executor name");
            }
            steps = requireSynchronous(steps, "run_in_executor");
        }

        @Override
        public double meanNanos() {
            return ProgramStep.meanNanos(steps);
        }

        @Override
        public String describe() {
            return "run_in_executor(" + executor + ") [" + ProgramStep.describe(steps) + "]";
        }
    }

    /** {@code await asyncio.to_thread(f)}: the loop's default executor, a {@code ThreadPoolExecutor}. */
    record ToThread(List<ProgramStep> steps) implements AsyncStep {
        public ToThread {
            steps = requireSynchronous(steps, "to_thread");
        }

        @Override
        public double meanNanos() {
            return ProgramStep.meanNanos(steps);
        }

        @Override
        public String describe() {
            return "to_thread [" + ProgramStep.describe(steps) + "]";
        }
    }

    /** Copies the steps and rejects awaits, nested in repeats or not: a function run in a thread cannot await. */
    static List<ProgramStep> requireSynchronous(List<ProgramStep> steps, String where) {
        List<ProgramStep> copy = List.copyOf(steps);
        for (ProgramStep s : copy) {
            if (s.isAwait() || s instanceof ProgramStep.Repeat r && hasAwait(r.steps())) {
                throw new IllegalArgumentException(where + " runs a plain function, which cannot await: " + s);
            }
        }
        return copy;
    }

    /** Whether any step, at any depth of repeats, is an await. */
    static boolean hasAwait(List<ProgramStep> steps) {
        for (ProgramStep s : steps) {
            if (s.isAwait() || s instanceof ProgramStep.Repeat r && hasAwait(r.steps())) {
                return true;
            }
        }
        return false;
    }
}
