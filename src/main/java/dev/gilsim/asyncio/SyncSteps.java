package dev.gilsim.asyncio;

import dev.gilsim.executor.Work;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/** Synchronous handler steps as {@link Work}, durations drawn as each step begins. */
public final class SyncSteps implements Work {
    private final List<HandlerStep> steps;
    private final RandomGenerator random;
    private int index;

    public SyncSteps(List<HandlerStep> steps, RandomGenerator random) {
        this.steps = steps;
        this.random = random;
    }

    @Override
    public Step next(PyThread thread) {
        if (index == steps.size()) {
            return null;
        }
        return toStep(steps.get(index++), random, thread);
    }

    /** As {@link #toStep(HandlerStep, RandomGenerator)}, naming a labelled step on the thread. */
    static Step toStep(HandlerStep s, RandomGenerator random, PyThread thread) {
        if (s instanceof HandlerStep.Labelled l) {
            thread.labelStep(l.label());
            return toStep(l.step(), random);
        }
        return toStep(s, random);
    }

    /** model.md section 2: what each synchronous step is for the thread running it. */
    static Step toStep(HandlerStep s, RandomGenerator random) {
        if (s instanceof HandlerStep.Cpu c) {
            return Step.Compute.python(c.duration().sample(random));
        } else if (s instanceof HandlerStep.Native n) {
            return Step.Compute.nativeHolding(n.duration().sample(random));
        } else if (s instanceof HandlerStep.NativeReleasing n) {
            return new Step.ReleasedCompute(n.duration().sample(random));
        } else if (s instanceof HandlerStep.Syscall c) {
            return new Step.ReleasedCompute(c.duration().sample(random));
        } else if (s instanceof HandlerStep.Io io) {
            return new Step.Block(io.duration().sample(random), false);
        } else if (s instanceof HandlerStep.Sleep sl) {
            return new Step.Block(sl.duration().sample(random), true);
        }
        throw new IllegalArgumentException("not a synchronous step: " + s);
    }
}
