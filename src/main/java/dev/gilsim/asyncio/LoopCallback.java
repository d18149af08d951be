package dev.gilsim.asyncio;

import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;

/** A handle in the loop's ready queue: a timer's callback, an I/O callback, a task's step. */
@FunctionalInterface
public interface LoopCallback {

    /**
     * The callback's next step on the loop thread, which holds the GIL while this runs, or null
     * when the callback returns.
     */
    Step next(EventLoop loop, PyThread thread);
}
