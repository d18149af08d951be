package dev.gilsim.interpreter;

import dev.gilsim.kernel.Distribution;
import java.util.List;
import java.util.Objects;

/**
 * A step of a thread's program as the scenario wrote it (model.md section 2); durations are
 * distributions, drawn each time the step runs.
 */
public sealed interface ProgramStep {

    /** Mean CPU or wall time of one pass, for sanity checks such as a forever loop that takes none. */
    double meanNanos();

    /** Python bytecode; a null duration runs forever. */
    record Cpu(Distribution duration) implements ProgramStep {
        @Override
        public double meanNanos() {
            return duration == null ? Double.POSITIVE_INFINITY : duration.meanNanos();
        }
    }

    /** A C call: holding the GIL with no check points ({@code pow}), or releasing it ({@code zlib}). */
    record Native(Distribution duration, boolean releasesGil) implements ProgramStep {
        public Native {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public double meanNanos() {
            return duration.meanNanos();
        }
    }

    /** Blocking I/O: a socket, file or database call that releases the GIL. */
    record Io(Distribution duration) implements ProgramStep {
        public Io {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public double meanNanos() {
            return duration.meanNanos();
        }
    }

    /** {@code time.sleep}: releases the GIL; the OS adds its timer slack. */
    record Sleep(Distribution duration) implements ProgramStep {
        public Sleep {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public double meanNanos() {
            return duration.meanNanos();
        }
    }

    /** A tiny non-blocking syscall: the GIL is released and re-taken at once. */
    record Syscall(Distribution duration) implements ProgramStep {
        public Syscall {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public double meanNanos() {
            return duration.meanNanos();
        }
    }

    /**
     * A leaf step with the name the scenario gave it ({@code label:}): the thread's timeline and
     * trace show the name while the step runs.
     */
    record Labelled(String label, ProgramStep step) implements ProgramStep {
        public Labelled {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(step, "step");
            if (step instanceof Repeat || step instanceof Labelled) {
                throw new IllegalArgumentException("a label names one step, not " + step);
            }
        }

        @Override
        public double meanNanos() {
            return step.meanNanos();
        }
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
    }
}
