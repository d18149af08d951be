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
 *
 * <p>A worked example ({@code EventLoopTest}, hand-worked): a loop beside one CPU-bound thread,
 * exact GIL, 5 ms interval. At 0 the loop parks in {@code epoll_wait} and the spinner takes the
 * GIL. At 1 ms an I/O event wakes the loop (L1), which waits for the GIL (G2) until 6 ms, asks, and
 * gets it; the task runs {@code await asyncio.sleep(2ms)}, setting a timer for 8 ms. At 8 the timer
 * wakes the loop, the spinner holds the GIL again, and the loop waits until 13 ms: the task that
 * asked to sleep 2 ms returns 12 ms after its request. That wait is the loop lag the heartbeat
 * (L4) measures.
 */
package dev.gilsim.asyncio;
