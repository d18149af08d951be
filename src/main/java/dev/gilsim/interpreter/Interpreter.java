package dev.gilsim.interpreter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;

/** One process's interpreter: its GIL (none on a free-threaded build) and its threads (C3). */
public final class Interpreter {
    private final Machine machine;
    private final String name;
    private final GilSettings settings;
    private final RandomGenerator latencyRandom;
    private final Gil gil;
    private final List<PyThread> threads = new ArrayList<>();
    private final Set<String> threadNames = new HashSet<>();

    private final int id;
    /** C14: draws how many of the host's interruptions land in a compute. */
    private final RandomGenerator interruptRandom;

    Interpreter(Machine machine, String name, GilSettings settings, int id) {
        this.machine = machine;
        this.id = id;
        this.name = name;
        this.settings = settings;
        this.latencyRandom = machine.streams().stream("wakeup-latency:" + name);
        this.interruptRandom = machine.streams().stream("host-interrupts:" + name);
        this.gil = settings.build() == Build.GIL
                ? new Gil(this, machine.simulator(), machine.observer(),
                        machine.streams().stream("wakeup-policy:" + name), latencyRandom,
                        machine.streams().stream("dropper-core:" + name))
                : null;
    }

    /** 0, 1, 2... in creation order within the machine. */
    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public GilSettings settings() {
        return settings;
    }

    public Machine machine() {
        return machine;
    }

    /** The GIL, or null on a free-threaded build. */
    public Gil gil() {
        return gil;
    }

    public List<PyThread> threads() {
        return Collections.unmodifiableList(threads);
    }

    public PyThread newThread(String threadName, StepSource source) {
        // A set, not a scan of the threads: a pool of 10,000 threads would cost 50 million compares.
        if (!threadNames.add(threadName)) {
            throw new IllegalArgumentException("duplicate thread " + threadName + " in " + name);
        }
        PyThread t = new PyThread(machine.nextThreadId(), threadName, this, source,
                machine.streams().stream("thread:" + name + "/" + threadName));
        threads.add(t);
        return t;
    }

    /**
     * G6, C5: how long a thread blocked for {@code idleNanos} takes to run once woken: the polled
     * wake-up when its CPU was idle for less than the halt-polling window, else a draw of the
     * wake-up latency.
     */
    /** C4, C5: the same for a thread whose timer expired. */
    long sampleTimerWakeup(long idleNanos) {
        OsSettings os = machine.os();
        if (idleNanos < os.haltPollNanos() || !os.hasTimerWakeup()) {
            return sampleWakeupLatency(idleNanos);
        }
        return os.timerWakeup().sample(latencyRandom);
    }

    /**
     * C14: the extra time {@code work} of CPU time takes for the host's interruptions that land in
     * it (the kernel's tick, a hypervisor's exits), against their average: a Poisson number of
     * them, one every {@code interrupt_every} on average, each {@code interrupt_cost} long. A
     * compute without end (a CPU-bound loop) has none: its progress shows nowhere.
     */
    long interruptions(long work) {
        OsSettings os = machine.os();
        long every = os.interruptEveryNanos();
        if (every == 0 || work <= 0 || work >= Long.MAX_VALUE / 4) {
            return 0;
        }
        double mean = (double) work / every;
        long count;
        if (mean > 50) {
            // A long call: the normal approximation, without a thousand-term sum.
            count = Math.max(0, Math.round(mean + Math.sqrt(mean) * interruptRandom.nextGaussian()));
        } else {
            double u = interruptRandom.nextDouble();
            count = 0;
            if (u <= 1 - mean) {
                // No interruption, as the sum below would find (e^-mean >= 1 - mean), without the
                // exponential: most steps are microseconds long against milliseconds between them.
                return Math.max(-work / 2, Math.round(-mean * os.interruptCostNanos()));
            }
            double p = Math.exp(-mean);
            double cumulative = p;
            while (u > cumulative && count < 1000) {
                count++;
                p *= mean / count;
                cumulative += p;
            }
        }
        // A step's given duration is what it takes on the host, interruptions included on
        // average (a 300 ms call measured there had its 75 ticks), so only the draw's departure
        // from that average is added: a short step's rare interruption, a long call's jitter.
        return Math.max(-work / 2, Math.round((count - mean) * os.interruptCostNanos()));
    }

    /** C7: the extra time of a GIL-releasing step that is the first after an idle spell. */
    long coldStart(long idleNanos) {
        long perRootMicro = machine.os().coldStartNanosPerRootMicro();
        if (perRootMicro == 0 || idleNanos <= 0) {
            return 0;
        }
        return Math.round(perRootMicro * Math.sqrt(idleNanos / 1000.0));
    }

    /** G5, C6: the forced dropper's return once the new holder has signalled {@code switch_cond}. */
    long sampleHandoffWakeup(long idleNanos) {
        OsSettings os = machine.os();
        if (!os.hasHandoffWakeup()) {
            return sampleWakeupLatency(idleNanos);
        }
        return os.handoffWakeup().sample(latencyRandom);
    }

    long sampleWakeupLatency(long idleNanos) {
        OsSettings os = machine.os();
        if (idleNanos < os.haltPollNanos()) {
            return os.polledWakeup().sample(latencyRandom);
        }
        return settings.wakeupLatency().sample(latencyRandom);
    }

    /** G10: Python bytecode runs slower without the GIL. */
    long pythonWork(long work) {
        if (settings.build() == Build.FREE_THREADED && work < Long.MAX_VALUE / 128) {
            return Math.round(work * settings.freeThreadedSlowdown());
        }
        return work;
    }
}
