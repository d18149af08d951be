package dev.gilsim.asyncio;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;

import dev.gilsim.HandWorked;
import dev.gilsim.executor.Executor;
import dev.gilsim.executor.ExecutorContext;
import dev.gilsim.executor.ExecutorObserver;
import dev.gilsim.executor.ExecutorSpec;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.GilObserver;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.ProgramRunner;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Step;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import dev.gilsim.scenario.DefaultSpecs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A machine with event loops for hand-worked timelines: exact GIL, free loop overheads. */
final class LoopWorld {
    final Simulator sim = new Simulator();
    final Recorder recorder = new Recorder();
    final Machine machine;

    LoopWorld(int cores) {
        this(cores, 42);
    }

    LoopWorld(int cores, long seed) {
        machine = new Machine(sim, new RandomStreams(seed), HandWorked.machine(cores, millis(3), 0), recorder);
    }

    /** FIFO wake-ups, no wake-up latency, no drop overhead, check points every 5 us. */
    static GilSettings exact() {
        return HandWorked.gil(millis(5), micros(5), Distribution.constant(0), Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4);
    }

    /** No probe, no overheads, no epoll rounding. */
    static LoopSpec freeLoop() {
        return new LoopSpec(null, DefaultSpecs.loop().slowCallbackThresholdNanos(), 0, HandWorked.freeLoop());
    }

    Interpreter process(String name) {
        return machine.newInterpreter(name, exact());
    }

    EventLoop loop(Interpreter p, LoopSpec spec) {
        EventLoop loop = new EventLoop(p, spec, recorder);
        loop.start(0);
        return loop;
    }

    PyThread spinner(Interpreter p, String name) {
        PyThread t = p.newThread(name, new ProgramRunner(
                new ProgramStep.Repeat(ProgramStep.Repeat.FOREVER, List.of(new ProgramStep.Cpu(null)))));
        t.start(0);
        return t;
    }

    /** Shared pools by name, created at first use, as a server process keeps them. */
    ExecutorLookup pools(Interpreter p, ExecutorSpec... specs) {
        ExecutorContext ctx = new ExecutorContext(p, DefaultSpecs.poolDefaults(machine.os().cores()), exact(), recorder);
        Map<String, Executor> made = new LinkedHashMap<>();
        return name -> {
            for (ExecutorSpec s : specs) {
                if (s.name().equals(name)) {
                    return new ExecutorLookup.Lease(made.computeIfAbsent(name, n -> ctx.create(s, n)), false);
                }
            }
            throw new IllegalArgumentException(name);
        };
    }

    /**
     * At {@code at} an I/O event (a request) hands the loop a task running {@code steps}; the
     * returned list receives the time the coroutine returns.
     */
    List<Long> spawn(EventLoop loop, long at, ExecutorLookup pools, ProgramStep... steps) {
        List<Long> done = new ArrayList<>();
        StepsCoroutine body = new StepsCoroutine(List.of(steps), machine.streams().stream("test"), pools);
        Coroutine tracked = (task, thread) -> {
            Step s = body.resume(task, thread);
            if (s == null && !task.isAwaiting()) {
                done.add(sim.now());
            }
            return s;
        };
        sim.at(at, 0, () -> loop.postIoEvent(new Task(loop, tracked)));
        return done;
    }

    static ExecutorSpec.ThreadPool threadPool(String name, int max) {
        return new ExecutorSpec.ThreadPool(name, max, false, Distribution.constant(0));
    }

    /** Everything reported, in order. */
    static final class Recorder implements GilObserver, LoopObserver, ExecutorObserver {
        record Mark(long time, String who) {
        }

        final List<Mark> acquisitions = new ArrayList<>();
        final List<Long> lags = new ArrayList<>();
        final List<Long> slowCallbacks = new ArrayList<>();
        final List<Mark> tasksCompleted = new ArrayList<>();
        final List<Mark> workersStarted = new ArrayList<>();

        @Override
        public void gilAcquired(PyThread thread, long waited, long now) {
            acquisitions.add(new Mark(now, thread.name()));
        }

        @Override
        public void loopLag(String process, long lag, long now) {
            lags.add(lag);
        }

        @Override
        public void slowCallback(String process, long duration, long now) {
            slowCallbacks.add(duration);
        }

        @Override
        public void taskCompleted(String process, String executor, long queued, long now) {
            tasksCompleted.add(new Mark(now, executor));
        }

        @Override
        public void workerStarted(String process, String executor, String worker, long now) {
            workersStarted.add(new Mark(now, worker));
        }

        long maxLag() {
            return lags.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }
}
