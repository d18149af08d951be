package dev.gilsim.interpreter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A place in a program: walks its repeats and hands out the steps a runner acts on (leaves,
 * labelled leaves, awaits) one at a time. Thread programs, executor functions, jobs and coroutines
 * all walk their steps with one, so every kind of step works in every one of them.
 */
public final class ProgramCursor {
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Runnable onPass;

    /** A cursor at the start of {@code program}; {@code onPass} runs after each pass of its whole body. */
    public ProgramCursor(ProgramStep.Repeat program, Runnable onPass) {
        this.onPass = onPass;
        if (program.times() != 0) {
            stack.push(new Frame(program));
        }
    }

    /** A cursor at the start of a function body: {@code steps} once (none is allowed: it does nothing). */
    public ProgramCursor(List<ProgramStep> steps) {
        this.onPass = () -> { };
        if (!steps.isEmpty()) {
            stack.push(new Frame(new ProgramStep.Repeat(1, steps)));
        }
    }

    /** The next step that is not a repeat, or null once the program has ended. */
    public ProgramStep next() {
        while (true) {
            Frame f = stack.peek();
            if (f == null) {
                return null;
            }
            if (f.index == f.block.steps().size()) {
                f.index = 0;
                if (stack.size() == 1) {
                    onPass.run();
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
            return s;
        }
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
