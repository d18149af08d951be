package dev.gilsim.asyncio;

import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;

/** The body a {@link Task} drives: Python between awaits (L2). */
@FunctionalInterface
public interface Coroutine {

    /**
     * The coroutine's next step, or null when it either awaits (having called
     * {@link Task#suspend()} and arranged for its wake-up) or returns.
     */
    Step resume(Task task, PyThread thread);
}
