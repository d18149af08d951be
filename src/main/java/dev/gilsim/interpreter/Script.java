package dev.gilsim.interpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-shot sequence of steps, effects and nested work, run in order on one thread. Effects run
 * between steps, while the thread holds the GIL, at exactly the point where CPython does them.
 */
public final class Script implements Work {
    private final List<Object> parts = new ArrayList<>();
    private int index;

    public Script step(Step step) {
        parts.add(step);
        return this;
    }

    /** A step only if it takes time: zero-cost overheads leave no trace in the timeline. */
    public Script stepIfPositive(long work, boolean releasesGil) {
        if (work > 0) {
            parts.add(releasesGil ? new Step.ReleasedCompute(work) : Step.Compute.nativeHolding(work));
        }
        return this;
    }

    public Script pythonIfPositive(long work) {
        if (work > 0) {
            parts.add(Step.Compute.python(work));
        }
        return this;
    }

    public Script effect(Runnable effect) {
        parts.add(effect);
        return this;
    }

    public Script work(Work work) {
        parts.add(work);
        return this;
    }

    /** Calls the completion here; its syscall (if any) runs next with the GIL released. */
    public Script complete(Completion completion) {
        parts.add(completion);
        return this;
    }

    @Override
    public Step next(PyThread thread) {
        while (index < parts.size()) {
            Object p = parts.get(index);
            if (p instanceof Step s) {
                index++;
                return s;
            } else if (p instanceof Runnable r) {
                index++;
                r.run();
            } else if (p instanceof Completion c) {
                index++;
                long cost = c.complete(thread);
                if (cost > 0) {
                    return new Step.ReleasedCompute(cost);
                }
            } else {
                Step s = ((Work) p).next(thread);
                if (s != null) {
                    return s;
                }
                index++;
            }
        }
        return null;
    }
}
