package dev.gilsim.interpreter;

/**
 * What a thread runs. The thread asks for the next step each time it holds the GIL between steps,
 * so a source can react to what happened meanwhile (a task queued, a timer due).
 */
@FunctionalInterface
public interface StepSource {
    Step next(PyThread thread);
}
