package dev.gilsim.interpreter;

import dev.gilsim.kernel.RandomStreams;
import dev.gilsim.kernel.Simulator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The simulated computer: its cores and the interpreters (processes) that share them. */
public final class Machine {
    private final Simulator simulator;
    private final RandomStreams streams;
    private final OsSettings os;
    private final GilObserver observer;
    private final Cores cores;
    private final CpuTimers timers;
    private final List<Interpreter> interpreters = new ArrayList<>();
    private int threadCount;

    public Machine(Simulator simulator, RandomStreams streams, OsSettings os, GilObserver observer) {
        this.simulator = simulator;
        this.streams = streams;
        this.os = os;
        this.observer = observer;
        this.cores = new Cores(simulator, os.cores(), os.timeSliceNanos(), observer);
        this.timers = new CpuTimers(simulator, cores, os, streams.stream("timer-burst"));
    }

    public Interpreter newInterpreter(String name, GilSettings settings) {
        for (Interpreter i : interpreters) {
            if (i.name().equals(name)) {
                throw new IllegalArgumentException("duplicate process " + name);
            }
        }
        Interpreter interpreter = new Interpreter(this, name, settings, interpreters.size());
        interpreters.add(interpreter);
        return interpreter;
    }

    /** Threads are numbered in creation order, so observers can index arrays instead of hashing. */
    int nextThreadId() {
        return threadCount++;
    }

    public int threadCount() {
        return threadCount;
    }

    public List<Interpreter> interpreters() {
        return Collections.unmodifiableList(interpreters);
    }

    public Simulator simulator() {
        return simulator;
    }

    public RandomStreams streams() {
        return streams;
    }

    public OsSettings os() {
        return os;
    }

    public GilObserver observer() {
        return observer;
    }

    public Cores cores() {
        return cores;
    }

    /** C9: the timers of every timed wait, on the cores that armed them. */
    public CpuTimers timers() {
        return timers;
    }
}
