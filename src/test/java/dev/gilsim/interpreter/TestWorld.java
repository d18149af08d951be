package dev.gilsim.interpreter;

import static dev.gilsim.kernel.Durations.micros;
import static dev.gilsim.kernel.Durations.millis;

import dev.gilsim.HandWorked;
import dev.gilsim.kernel.Distribution;
import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayList;
import java.util.List;

/** A small machine for hand-worked timelines: one call per process, thread and step. */
final class TestWorld {
    final Simulator sim = new Simulator();
    final Recorder recorder = new Recorder();
    final Machine machine;

    TestWorld(int cores, long timeSlice) {
        this(cores, timeSlice, 42);
    }

    TestWorld(int cores, long timeSlice, long seed) {
        this(HandWorked.machine(cores, timeSlice, 0), seed);
    }

    /** A machine with its OS settings given: timer slack, halt polling. */
    TestWorld(OsSettings os, long seed) {
        machine = new Machine(sim, new RandomStreams(seed), os, recorder);
    }

    static TestWorld twoCores() {
        return new TestWorld(2, millis(3));
    }

    /** FIFO wake-ups with no wake-up latency and no drop overhead: timelines by hand. */
    static GilSettings exact(long checkInterval) {
        return HandWorked.gil(millis(5), checkInterval, Distribution.constant(0), Distribution.constant(0),
                WakeupPolicyKind.FIFO, Build.GIL, 1.4);
    }

    static GilSettings exact() {
        return exact(micros(5));
    }

    Interpreter process(String name, GilSettings settings) {
        return machine.newInterpreter(name, settings);
    }

    PyThread thread(Interpreter p, String name, ProgramStep.Repeat program) {
        return thread(p, name, program, 0);
    }

    PyThread thread(Interpreter p, String name, ProgramStep.Repeat program, long start) {
        PyThread t = p.newThread(name, new ProgramRunner(program));
        t.start(start);
        return t;
    }

    void runFor(long duration) {
        sim.runUntil(duration);
    }

    static ProgramStep.Repeat forever(ProgramStep... steps) {
        return new ProgramStep.Repeat(ProgramStep.Repeat.FOREVER, List.of(steps));
    }

    static ProgramStep.Repeat once(ProgramStep... steps) {
        return new ProgramStep.Repeat(1, List.of(steps));
    }

    /** Everything the model reported, in order. */
    static final class Recorder implements GilObserver {
        record Mark(long time, String thread) {
        }

        final List<Mark> acquisitions = new ArrayList<>();
        final List<Mark> forcedDrops = new ArrayList<>();
        final List<Mark> voluntaryDrops = new ArrayList<>();
        final List<Mark> dropRequests = new ArrayList<>();
        final List<Mark> returns = new ArrayList<>();
        final List<Long> returnDelays = new ArrayList<>();
        final List<String> states = new ArrayList<>();

        @Override
        public void gilAcquired(PyThread thread, long waited, long now) {
            acquisitions.add(new Mark(now, thread.name()));
        }

        @Override
        public void forcedDrop(PyThread holder, long now) {
            forcedDrops.add(new Mark(now, holder.name()));
        }

        @Override
        public void voluntaryDrop(PyThread holder, long now) {
            voluntaryDrops.add(new Mark(now, holder.name()));
        }

        @Override
        public void dropRequested(PyThread requester, PyThread holder, long now) {
            dropRequests.add(new Mark(now, requester.name()));
        }

        @Override
        public void returnedFromBlocking(PyThread thread, long delay, long now) {
            returns.add(new Mark(now, thread.name()));
            returnDelays.add(delay);
        }

        @Override
        public void threadState(PyThread thread, ThreadState from, ThreadState to, long now) {
            states.add(now + " " + thread.name() + " " + to);
        }

        List<Mark> acquisitionsBy(String thread) {
            return acquisitions.stream().filter(m -> m.thread().equals(thread)).toList();
        }

        List<Long> times(List<Mark> marks) {
            return marks.stream().map(Mark::time).toList();
        }
    }
}
