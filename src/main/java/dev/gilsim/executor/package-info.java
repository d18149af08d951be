/**
 * Executors built on the interpreter model (rules E1 to E3): {@code concurrent.futures} thread
 * pools, anyio's capacity limiter and its worker threads, and process pools whose workers are
 * interpreters of their own, with start-up, pickling and result costs.
 *
 * <p>An {@link dev.gilsim.executor.Executor} accepts {@link dev.gilsim.executor.Work} (steps for a
 * worker thread to run) and reports its {@link dev.gilsim.executor.Completion}; a
 * {@link dev.gilsim.executor.Waker} is how a finished task wakes whoever awaits it (an event loop,
 * or a blocked thread). Specs ({@link dev.gilsim.executor.ExecutorSpec}) are plain values, read by
 * the scenario package.
 */
package dev.gilsim.executor;
