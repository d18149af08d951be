package dev.gilsim.interpreter;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.commons.math3.random.RandomGenerator;

/** Walks a program, drawing each step's duration from the running thread's own stream. */
public final class ProgramRunner implements StepSource {
    /** "Forever" as work: far beyond any run, yet safe to add to any virtual time. */
    public static final long FOREVER_WORK = Long.MAX_VALUE / 4;

    private final Deque<Frame> stack = new ArrayDeque<>();
    private final IterationListener listener;

    /** Told each time a thread finishes one pass of its whole program (one loop of a server thread). */
    @FunctionalInterface
    public interface IterationListener {
        void iterationCompleted(PyThread thread);
    }

    public ProgramRunner(ProgramStep.Repeat program) {
        this(program, t -> { });
    }

    public ProgramRunner(ProgramStep.Repeat program, IterationListener listener) {
        this.listener = listener;
        if (program.times() != 0) {
            stack.push(new Frame(program));
        }
    }

    @Override
    public Step next(PyThread thread) {
        while (true) {
            Frame f = stack.peek();
            if (f == null) {
                return Step.EXIT;
            }
            if (f.index == f.block.steps().size()) {
                f.index = 0;
                if (stack.size() == 1) {
                    listener.iterationCompleted(thread);
                }
                if (f.left != ProgramStep.Repeat.FOREVER && --f.left == 0) {
                    stack.pop();
                }
                continue;
            }
            ProgramStep s = f.block.steps().get(f.index++);
            if (s instanceof ProgramStep.Repeat r) {
                if (r.times() != 0) {
                    stack.push(new Frame(r));
                }
                continue;
            }
            if (s instanceof ProgramStep.Labelled l) {
                thread.labelStep(l.label());
                s = l.step();
            }
            return toStep(s, thread.random());
        }
    }

    static Step toStep(ProgramStep s, RandomGenerator rng) {
        if (s instanceof ProgramStep.Cpu c) {
            return Step.Compute.python(c.duration() == null ? FOREVER_WORK : c.duration().sample(rng));
        }
        if (s instanceof ProgramStep.Native n) {
            long d = n.duration().sample(rng);
            return n.releasesGil() ? new Step.ReleasedCompute(d) : Step.Compute.nativeHolding(d);
        }
        if (s instanceof ProgramStep.Io io) {
            return new Step.Block(io.duration().sample(rng), false);
        }
        if (s instanceof ProgramStep.Sleep sl) {
            return new Step.Block(sl.duration().sample(rng), true);
        }
        if (s instanceof ProgramStep.Syscall sc) {
            return new Step.ReleasedCompute(sc.duration().sample(rng));
        }
        throw new IllegalArgumentException("not a leaf step: " + s);
    }

    private static final class Frame {
        final ProgramStep.Repeat block;
        int index;
        long left;

        Frame(ProgramStep.Repeat block) {
            this.block = block;
            this.left = block.times();
        }
    }
}
