package dev.gilsim.executor;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;

import dev.gilsim.HandWorked;
import dev.gilsim.interpreter.Build;
import dev.gilsim.interpreter.Completion;
import dev.gilsim.interpreter.GilSettings;
import dev.gilsim.interpreter.Interpreter;
import dev.gilsim.interpreter.Machine;
import dev.gilsim.interpreter.PyThread;
import dev.gilsim.interpreter.Script;
import dev.gilsim.interpreter.Step;
import dev.gilsim.interpreter.WakeupPolicyKind;
import dev.gilsim.interpreter.Work;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import dev.gilsim.scenario.DefaultSpecs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** A process "app" with an exact GIL, and plain threads that submit work to its pools. */
final class PoolWorld {
    record Done(long time, String thread) {
    }

    final Simulator sim = new Simulator();
    final Machine machine;
    final Interpreter app;
    final List<Done> done = new ArrayList<>();
    final List<String> started = new ArrayList<>();
    private int callers;

    PoolWorld(int cores) {
        this(cores, DefaultSpecs.poolDefaults(cores));
    }

    PoolWorld(int cores, PoolDefaults poolDefaults) {
        machine = new Machine(sim, new RandomStreams(7), HandWorked.machine(cores, millis(3), 0),
                dev.gilsim.interpreter.GilObserver.NONE);
        app = machine.newInterpreter("app", exact());
        this.poolDefaults = poolDefaults;
    }

    private final PoolDefaults poolDefaults;

    static GilSettings exact() {
        return HandWorked.gil(millis(5), micros(5), Distribution.constant(0), Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4);
    }

    ExecutorContext context() {
        return new ExecutorContext(app, poolDefaults, exact(), new ExecutorObserver() {
            @Override
            public void workerStarted(String process, String executor, String worker, long now) {
                started.add(worker);
            }
        });
    }

    Executor pool(ExecutorSpec spec) {
        return context().create(spec, spec.name());
    }

    /**
     * At {@code at}, a new thread of "app" submits each task in turn, paying the submitter's work,
     * then exits. Each completion records the time and the finishing thread; {@code resumed()} is
     * called at once, as if the awaiting side resumed there.
     */
    void submitAt(long at, Executor pool, Work... tasks) {
        ArrayDeque<Work> left = new ArrayDeque<>(List.of(tasks));
        Completion completion = t -> {
            done.add(new Done(sim.now(), t.name()));
            pool.resumed();
            return 0;
        };
        Work[] caller = {null};
        PyThread t = app.newThread("caller-" + callers++, thread -> {
            while (true) {
                if (caller[0] != null) {
                    Step s = caller[0].next(thread);
                    if (s != null) {
                        return s;
                    }
                    caller[0] = null;
                }
                if (left.isEmpty()) {
                    return Step.EXIT;
                }
                caller[0] = pool.submit(left.poll(), completion);
            }
        });
        t.start(at);
    }

    static Work io(long nanos) {
        return new Script().step(new Step.Block(nanos, false));
    }

    static Work cpu(long nanos) {
        return new Script().step(Step.Compute.python(nanos));
    }

    List<Long> doneTimes() {
        return done.stream().map(Done::time).toList();
    }
}
