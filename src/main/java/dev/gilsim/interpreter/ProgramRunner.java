package dev.gilsim.interpreter;

/** Walks a thread's program, drawing each step's duration from the running thread's own stream. */
public final class ProgramRunner implements StepSource {
    private final ProgramCursor cursor;
    private PyThread passThread;

    /** Told each time a thread finishes one pass of its whole program (one loop of a server thread). */
    @FunctionalInterface
    public interface IterationListener {
        void iterationCompleted(PyThread thread);
    }

    public ProgramRunner(ProgramStep.Repeat program) {
        this(program, t -> { });
    }

    public ProgramRunner(ProgramStep.Repeat program, IterationListener listener) {
        this.cursor = new ProgramCursor(program, () -> listener.iterationCompleted(passThread));
    }

    /** A step of fixed duration is made once per place in the program and handed out again. */
    @Override
    public Step next(PyThread thread) {
        passThread = thread;
        ProgramStep s = cursor.next();
        if (s == null) {
            return Step.EXIT;
        }
        Step step = cursor.remembered();
        if (step != null) {
            if (s instanceof ProgramStep.Labelled l) {
                thread.labelStep(l.label());
            }
            return step;
        }
        step = s.toStep(thread.random(), thread);
        if (s.isFixed()) {
            cursor.remember(step);
        }
        return step;
    }
}
