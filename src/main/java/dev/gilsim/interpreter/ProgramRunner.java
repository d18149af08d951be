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

    @Override
    public Step next(PyThread thread) {
        passThread = thread;
        ProgramStep s = cursor.next();
        return s == null ? Step.EXIT : s.toStep(thread.random(), thread);
    }
}
