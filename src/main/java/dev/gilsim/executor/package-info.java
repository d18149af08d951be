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
 */
package dev.gilsim.executor;
