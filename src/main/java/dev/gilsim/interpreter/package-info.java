/**
 * The interpreter model: CPython's GIL, Python threads and the machine's cores (rules G1 to G11
 * and C1 to C5 of docs/model.md). It knows nothing of asyncio, pools or HTTP.
 *
 * <p>A {@link dev.gilsim.interpreter.Machine} holds the {@link dev.gilsim.interpreter.Cores} every
 * process shares and the OS settings (timer slack, halt polling, wake-up latencies); an
 * {@link dev.gilsim.interpreter.Interpreter} is one process with its own
 * {@link dev.gilsim.interpreter.Gil} and {@link dev.gilsim.interpreter.GilSettings} (switch
 * interval, check interval, wake-up policy, requester share). A
 * {@link dev.gilsim.interpreter.PyThread} takes the GIL, runs the {@link dev.gilsim.interpreter.Step}s
 * its {@link dev.gilsim.interpreter.StepSource} hands it (bytecode, GIL-holding and releasing native
 * calls, blocking I/O, sleeps, parks), and lets go of the GIL when a step blocks or a waiter's drop
 * request reaches a check point.
 *
 * <p>Steps as scenarios write them are one vocabulary, {@link dev.gilsim.interpreter.ProgramStep}
 * (model.md section 2), for thread programs, handlers, pool tasks and jobs alike: each leaf says
 * what it is for the thread that runs it, and a {@link dev.gilsim.interpreter.ProgramCursor} walks
 * repeats for every runner ({@link dev.gilsim.interpreter.ProgramRunner} for a thread's program,
 * {@link dev.gilsim.interpreter.SyncSteps} for a function). {@link dev.gilsim.interpreter.Work},
 * {@link dev.gilsim.interpreter.Script}, {@link dev.gilsim.interpreter.Completion} and
 * {@link dev.gilsim.interpreter.Waker} are how the layers above hand a thread finite work and wake
 * it. Wake-up policies say which waiter a release signals;
 * {@link dev.gilsim.interpreter.GilObserver} is how metrics watch without being known here.
 *
 * <p>A worked example ({@code PackageExamplesTest} runs it): two CPU-bound threads on two cores,
 * every wake-up latency zero. {@code a} takes the GIL at 0; {@code b} waits, its 5 ms timed wait
 * times out with the holder unchanged, so it asks for a drop (G2); {@code a} drops at its next
 * check point and {@code b} takes the GIL at 5 ms (G5); {@code a} asks at 10 and {@code b} at 15.
 * <pre>{@code
 * Simulator sim = new Simulator();
 * Distribution none = Distribution.constant(0);
 * // 2 cores, 3 ms slices, no timer slack, no halt polling, no wake-up latencies, no cold starts
 * OsSettings os = new OsSettings(2, millis(3), 0, 0, none, null, null, 0, false, false, none, false, 0, 0);
 * Machine machine = new Machine(sim, new RandomStreams(1), os, GilObserver.NONE);
 * // 5 ms switch interval, check points every 5 us, FIFO wake-ups, no G11, sleep(0) a timed sleep
 * GilSettings exact = new GilSettings(millis(5), micros(5), none, none, WakeupPolicyKind.FIFO, Build.GIL, 1.4,
 *         RequesterWins.flat(0), -1);
 * Interpreter app = machine.newInterpreter("app", exact);
 * ProgramStep.Repeat spin = new ProgramStep.Repeat(ProgramStep.Repeat.FOREVER, List.of(new ProgramStep.Cpu(null)));
 * app.newThread("a", new ProgramRunner(spin)).start(0);
 * app.newThread("b", new ProgramRunner(spin)).start(0);
 * sim.runUntil(millis(19));
 * // app.gil().acquisitions() == 4 (0, 5, 10, 15 ms); app.gil().forcedDrops() == 3
 * }</pre>
 */
package dev.gilsim.interpreter;
