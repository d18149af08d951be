/**
 * Executors built on the interpreter model (rules E1 to E3): {@code concurrent.futures} thread
 * pools, anyio's capacity limiter and its worker threads, and process pools whose workers are
 * interpreters of their own, with start-up, pickling and result costs.
 *
 * <p>An {@link dev.gilsim.executor.Executor} accepts {@link dev.gilsim.interpreter.Work} (steps for a
 * worker thread to run) and reports its {@link dev.gilsim.interpreter.Completion}; a
 * {@link dev.gilsim.interpreter.Waker} is how a finished task wakes whoever awaits it (an event loop,
 * or a blocked thread). Those three are the interpreter's, since any thread runs work and any
 * thread can be woken. Specs ({@link dev.gilsim.executor.ExecutorSpec}) are plain values, read by
 * the scenario package.
 *
 * <p>A worked example ({@code PowInPoolTest}, the seeds' experiment): {@code pow(365, 10**14)},
 * 300 ms of C holding the GIL, awaited from a loop. In a thread pool the call holds the process's
 * one GIL: a heartbeat due during it runs only after it, at least 290 ms late. In a process pool
 * the call holds the child's own GIL on the other core (C3), and the loop's lag stays under 2 ms
 * at p99.
 */
package dev.gilsim.executor;
