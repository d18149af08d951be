package dev.gilsim.interpreter;


/**
 * What the thread that finished a task does with its result: for an asyncio caller, the worker
 * calls {@code loop.call_soon_threadsafe} (L3), which writes to the loop's self-pipe.
 */
@FunctionalInterface
public interface Completion {
    Completion NONE = thread -> 0;

    /**
     * Runs on the finishing thread while it holds the GIL. Returns the CPU time of the syscall the
     * thread then makes with the GIL released (writing the self-pipe), or 0 for none.
     */
    long complete(PyThread thread);
}
