package dev.gilsim.interpreter;


/**
 * A finite piece of a thread's program: the function a pool worker runs, or the steps a submitting
 * thread pays before its task is handed over. Unlike a {@link dev.gilsim.interpreter.StepSource}
 * it ends: {@link #next} returns null once it is finished.
 */
@FunctionalInterface
public interface Work {
    Work NONE = thread -> null;

    /**
     * The next step for the thread running this work, or null when it is finished. Called while
     * the thread holds the GIL between steps, so effects done here happen under the GIL.
     */
    Step next(PyThread thread);
}
