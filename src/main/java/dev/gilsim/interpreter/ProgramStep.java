package dev.gilsim.interpreter;

import dev.gilsim.kernel.Distribution;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A step as a scenario writes it (model.md section 2), the one vocabulary of thread programs,
 * handlers, executor functions and jobs; durations are distributions, drawn each time the step
 * runs. A {@link Leaf} runs on whichever thread runs the code and says itself what it is for that
 * thread ({@link Leaf#toStep}); an {@link Await} exists only in coroutines, and the layer that runs
 * coroutines defines and runs it.
 *
 * <p>A new kind of step is one record here (a {@link Leaf}: what it is for the thread, whether it
 * releases the GIL, how the report names it), one case in the scenario's step reader, and its
 * line in the README.
 */
public sealed interface ProgramStep permits ProgramStep.Leaf, ProgramStep.Labelled, ProgramStep.Repeat,
        ProgramStep.Await {

    /** "Forever" as work: far beyond any run, yet safe to add to any virtual time. */
    long FOREVER_WORK = Long.MAX_VALUE / 4;

    /** Mean CPU or wall time of one pass, for sanity checks such as a forever loop that takes none. */
    double meanNanos();

    /** How the report's parameter table names the step. */
    String describe();

    /**
     * Whether every run of the step is the same {@link Step} (a fixed duration draws nothing from
     * the stream), so a runner may make it once and hand it out again.
     */
    default boolean isFixed() {
        return false;
    }

    /** Whether this step suspends a coroutine (and so cannot run in a plain function). */
    default boolean isAwait() {
        return false;
    }

    /**
     * What the step is for {@code thread}, its duration drawn from {@code random}; a label names
     * the step on the thread. Only leaves, labelled or not, run on a thread: a repeat is walked by
     * a {@link ProgramCursor} and an await by its coroutine.
     *
     * <p>A virtual call rather than an {@code instanceof Leaf} test, on purpose: on JDK 17 a type
     * test against an interface goes through the class's one-entry cache of interfaces, which the
     * cursor's casts to {@code ProgramStep} and such a test would overwrite in turn at every step
     * (JDK-8180450); that doubled the cost of a step.
     */
    default Step toStep(RandomGenerator random, PyThread thread) {
        throw new IllegalArgumentException("not a step a thread runs: " + this);
    }

    /** A step that a thread runs. */
    sealed interface Leaf extends ProgramStep permits Cpu, Native, Gc, Io, Sleep, Syscall {
        /** How long the step takes, drawn each time it runs. */
        Distribution duration();

        @Override
        default double meanNanos() {
            return duration().expectedNanos();
        }

        /** What the step is for the thread that runs it, its duration drawn from {@code random}. */
        Step toStep(RandomGenerator random);

        @Override
        default Step toStep(RandomGenerator random, PyThread thread) {
            return toStep(random);
        }

        /** Whether the thread lets go of the GIL during the step (G8). */
        boolean releasesGil();

        @Override
        default boolean isFixed() {
            return duration() instanceof Distribution.Constant;
        }
    }

    /** A step only a coroutine runs ({@code await ...}); defined by the layer that runs coroutines. */
    non-sealed interface Await extends ProgramStep {
        @Override
        default boolean isAwait() {
            return true;
        }
    }

    /** Python bytecode holding the GIL, with check points (G4); a null duration runs forever. */
    record Cpu(Distribution duration) implements Leaf {
        @Override
        public double meanNanos() {
            return duration == null ? Double.POSITIVE_INFINITY : duration.expectedNanos();
        }

        @Override
        public Step toStep(RandomGenerator random) {
            return Step.Compute.python(duration == null ? FOREVER_WORK : duration.sample(random));
        }

        @Override
        public boolean isFixed() {
            return duration == null || duration instanceof Distribution.Constant;
        }

        @Override
        public boolean releasesGil() {
            return false;
        }

        @Override
        public String describe() {
            return "cpu " + (duration == null ? "forever" : duration.describe());
        }
    }

    /**
     * A C call: holding the GIL with no check points ({@code pow(365, 10**14)}), or releasing it
     * while it computes ({@code hashlib}, {@code zlib}, NumPy).
     */
    record Native(Distribution duration, boolean releasesGil) implements Leaf {
        public Native {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Step toStep(RandomGenerator random) {
            long d = duration.sample(random);
            return releasesGil ? new Step.ReleasedCompute(d) : Step.Compute.nativeHolding(d);
        }

        @Override
        public String describe() {
            return (releasesGil ? "native releasing the GIL " : "native holding the GIL ") + duration.describe();
        }
    }

    /**
     * A cyclic garbage collection pass ({@code gc.collect()}, or an automatic collection of the
     * oldest generation): C code in the thread that triggered it, holding the GIL with no check
     * points, so, like a long {@code native} call, it stalls every other thread of the process
     * (G4). Finalizers that run Python are not part of it: write them as {@code cpu}.
     */
    record Gc(Distribution duration) implements Leaf {
        public Gc {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Step toStep(RandomGenerator random) {
            return Step.Compute.nativeHolding(duration.sample(random));
        }

        @Override
        public boolean releasesGil() {
            return false;
        }

        @Override
        public String describe() {
            return "gc " + duration.describe();
        }
    }

    /** Blocking I/O: a socket, file or database call that releases the GIL; on the loop it blocks the loop. */
    record Io(Distribution duration) implements Leaf {
        public Io {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Step toStep(RandomGenerator random) {
            return new Step.Block(duration.sample(random), false);
        }

        @Override
        public boolean releasesGil() {
            return true;
        }

        @Override
        public String describe() {
            return "io " + duration.describe();
        }
    }

    /** {@code time.sleep}: releases the GIL; the OS adds its timer slack (C4, C8). */
    record Sleep(Distribution duration) implements Leaf {
        public Sleep {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Step toStep(RandomGenerator random) {
            return new Step.Block(duration.sample(random), true);
        }

        @Override
        public boolean releasesGil() {
            return true;
        }

        @Override
        public String describe() {
            return "time.sleep " + duration.describe();
        }
    }

    /** A tiny non-blocking syscall: the GIL is released and re-taken at once. */
    record Syscall(Distribution duration) implements Leaf {
        public Syscall {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Step toStep(RandomGenerator random) {
            return new Step.ReleasedCompute(duration.sample(random));
        }

        /** C12: as long as this host's syscalls take. */
        @Override
        public Step toStep(RandomGenerator random, PyThread thread) {
            return new Step.ReleasedCompute(thread.interpreter().machine().os().syscallNanos(duration.sample(random)));
        }

        @Override
        public boolean releasesGil() {
            return true;
        }

        @Override
        public String describe() {
            return "syscall " + duration.describe();
        }
    }

    /**
     * A leaf step with the name the scenario gave it ({@code label:}): the timeline and trace of
     * the thread that runs it show the name while it runs. An await runs on no thread, so has none.
     */
    record Labelled(String label, Leaf step) implements ProgramStep {
        public Labelled {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(step, "step");
        }

        @Override
        public double meanNanos() {
            return step.meanNanos();
        }

        @Override
        public String describe() {
            return step.describe() + " \"" + label + "\"";
        }

        @Override
        public Step toStep(RandomGenerator random, PyThread thread) {
            thread.labelStep(label);
            return step.toStep(random, thread);
        }

        @Override
        public boolean isFixed() {
            return step.isFixed();
        }
    }

    /** A function body's steps, once, as the report names them. */
    static String describe(List<ProgramStep> steps) {
        StringBuilder out = new StringBuilder();
        for (ProgramStep s : steps) {
            out.append(out.length() == 0 ? "" : ", ").append(s.describe());
        }
        return out.toString();
    }

    /** The mean time of a function body's steps, once. */
    static double meanNanos(List<ProgramStep> steps) {
        return steps.stream().mapToDouble(ProgramStep::meanNanos).sum();
    }

    /** The step itself, without the label a scenario may have given it. */
    static ProgramStep unlabelled(ProgramStep s) {
        return s instanceof Labelled l ? l.step() : s;
    }

    /** The steps, {@code times} over, or forever when {@code times} is {@link #FOREVER}. */
    record Repeat(long times, List<ProgramStep> steps) implements ProgramStep {
        public static final long FOREVER = -1;

        public Repeat {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a repeat needs at least one step");
            }
            if (times < 0 && times != FOREVER) {
                throw new IllegalArgumentException("times must not be negative");
            }
            if (times == FOREVER && !(steps.stream().mapToDouble(ProgramStep::meanNanos).sum() > 0)) {
                // Otherwise virtual time would stand still while the loop spins.
                throw new IllegalArgumentException("a forever loop needs a step that takes time");
            }
        }

        @Override
        public double meanNanos() {
            double once = steps.stream().mapToDouble(ProgramStep::meanNanos).sum();
            return times == FOREVER ? (once > 0 ? Double.POSITIVE_INFINITY : 0) : once * times;
        }

        @Override
        public String describe() {
            String inner = ProgramStep.describe(steps);
            if (times == 1) {
                return inner;
            }
            return (times == FOREVER ? "forever" : times + " times") + ": [" + inner + "]";
        }
    }
}
