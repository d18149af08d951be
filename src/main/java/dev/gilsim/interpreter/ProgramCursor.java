package dev.gilsim.interpreter;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A place in a program: walks its repeats and hands out the steps a runner acts on (leaves,
 * labelled leaves, awaits) one at a time. Thread programs, executor functions, jobs and coroutines
 * all walk their steps with one, so every kind of step works in every one of them.
 *
 * <p>The open repeats are a stack kept in three arrays (the block, the next index in it, the
 * passes left), grown to the deepest nesting once and reused: a thread walks its program at every
 * step, and a stack of frame objects allocated one per entered repeat cost that walk an object per
 * pass of an inner loop.
 */
public final class ProgramCursor {
    private final Runnable onPass;
    private ProgramStep.Repeat[] blocks;
    private int[] indexes;
    private long[] passesLeft;
    /** Open repeats: {@code blocks[depth - 1]} is the innermost; 0 once the program has ended. */
    private int depth;
    /** Per open repeat, the steps remembered for its positions (null: none yet); see {@link #remember}. */
    private Step[][] remembered;
    /** Every block's remembered steps, made on the first {@link #remember}. */
    private Map<ProgramStep.Repeat, Step[]> rememberedByBlock;
    /** Where the step {@link #next} returned last sits: its repeat's depth and index. */
    private int lastTop = -1;
    private int lastIndex;

    /** A cursor at the start of {@code program}; {@code onPass} runs after each pass of its whole body. */
    public ProgramCursor(ProgramStep.Repeat program, Runnable onPass) {
        this.onPass = onPass;
        allocate(2);
        if (program.times() != 0) {
            push(program);
        }
    }

    /**
     * A cursor at the start of a function body: {@code steps} once (none is allowed: it does
     * nothing). Made at every call (a request's handler, a pool's task), so its stack starts with
     * room for the body alone.
     */
    public ProgramCursor(List<ProgramStep> steps) {
        this.onPass = () -> { };
        allocate(1);
        if (!steps.isEmpty()) {
            push(new ProgramStep.Repeat(1, steps));
        }
    }

    /** The next step that is not a repeat, or null once the program has ended. */
    public ProgramStep next() {
        while (depth > 0) {
            int top = depth - 1;
            List<ProgramStep> steps = blocks[top].steps();
            int index = indexes[top];
            if (index == steps.size()) {
                indexes[top] = 0;
                if (top == 0) {
                    onPass.run();
                }
                if (passesLeft[top] != ProgramStep.Repeat.FOREVER && --passesLeft[top] == 0) {
                    blocks[top] = null;
                    depth = top;
                }
                continue;
            }
            indexes[top] = index + 1;
            ProgramStep s = steps.get(index);
            if (s instanceof ProgramStep.Repeat r) {
                if (r.times() != 0) {
                    push(r);
                }
                continue;
            }
            lastTop = top;
            lastIndex = index;
            return s;
        }
        return null;
    }

    /**
     * The step remembered for the place of the step {@link #next} returned last, or null. A step
     * whose duration is fixed is the same object at every pass: a thread's program remembers it
     * instead of making it anew, so a CPU-bound loop allocates nothing per step.
     */
    public Step remembered() {
        Step[] r = remembered == null ? null : remembered[lastTop];
        return r == null ? null : r[lastIndex];
    }

    /** Remembers {@code step} for the place of the step {@link #next} returned last. */
    public void remember(Step step) {
        if (rememberedByBlock == null) {
            rememberedByBlock = new IdentityHashMap<>();
            remembered = new Step[blocks.length][];
        }
        Step[] r = remembered[lastTop];
        if (r == null) {
            r = new Step[blocks[lastTop].steps().size()];
            rememberedByBlock.put(blocks[lastTop], r);
            remembered[lastTop] = r;
        }
        r[lastIndex] = step;
    }

    private void allocate(int capacity) {
        blocks = new ProgramStep.Repeat[capacity];
        indexes = new int[capacity];
        passesLeft = new long[capacity];
    }

    private void push(ProgramStep.Repeat block) {
        if (depth == blocks.length) {
            blocks = Arrays.copyOf(blocks, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
            passesLeft = Arrays.copyOf(passesLeft, depth * 2);
            if (remembered != null) {
                remembered = Arrays.copyOf(remembered, depth * 2);
            }
        }
        if (remembered != null) {
            remembered[depth] = rememberedByBlock.get(block);
        }
        blocks[depth] = block;
        indexes[depth] = 0;
        passesLeft[depth] = block.times();
        depth++;
    }
}
