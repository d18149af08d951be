/**
 * An asyncio event loop on a Python thread (rules L1 to L6): the selector with its timeouts and
 * timer wake-up, ready callbacks and their costs, tasks that run handler steps, the self-pipe, and
 * the heartbeat whose lateness is the loop lag.
 *
 * <p>{@link dev.gilsim.asyncio.EventLoop} is a {@link dev.gilsim.interpreter.StepSource}: it hands
 * its thread the steps a real loop iteration costs. A {@link dev.gilsim.asyncio.Task} runs a
 * {@link dev.gilsim.asyncio.Coroutine} (a list of {@link dev.gilsim.interpreter.ProgramStep}s: the
 * interpreter's synchronous steps, and the {@link dev.gilsim.asyncio.AsyncStep} awaits defined here:
 * awaited I/O, sleeps, {@code run_in_executor}, {@code to_thread}); a plain function runs the same
 * vocabulary, awaits aside, as {@link dev.gilsim.interpreter.SyncSteps}. Built on the interpreter and executor packages;
 * knows nothing of HTTP.
 */
package dev.gilsim.asyncio;
