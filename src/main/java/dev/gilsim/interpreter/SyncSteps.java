package dev.gilsim.interpreter;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A plain function's steps as {@link Work} (a pool task, a job, a {@code def} handler), durations
 * drawn as each step begins. A function cannot await: the scenario's reader refuses awaits here.
 */
public final class SyncSteps implements Work {
    private final ProgramCursor cursor;
    private final RandomGenerator random;

    public SyncSteps(List<ProgramStep> steps, RandomGenerator random) {
        this.cursor = new ProgramCursor(steps);
        this.random = random;
    }

    @Override
    public Step next(PyThread thread) {
        ProgramStep s = cursor.next();
        return s == null ? null : s.toStep(random, thread);
    }
}
