package dev.gilsim.interpreter;

import dev.gilsim.kernel.Event;
import dev.gilsim.kernel.Simulator;

/**
 * A thread's work on a core (C1, C2): the CPU time a compute step has done and has left, whether
 * it holds the GIL and has check points (G4), and its place on a core, from which the OS may
 * preempt it. A holder's drop request cuts the stint at the next check point; the thread decides
 * what then happens.
 */
final class CoreStint {
    private final PyThread thread;
    private final Interpreter interpreter;
    private final Simulator sim;
    private final Cores cores;
    private final boolean hasGil;
    /** C7: whether a GIL-holding first step runs cold too (the machine's setting, read once). */
    private final boolean coldHoldingGil;
    private final Event end;

    private long remainingWork;
    private long workDone;
    private boolean holdsGil;
    private boolean interruptible;
    /** The compute holds the GIL in a native call (a step {@code native} that keeps it). */
    private boolean nativeCall;
    private Runnable done;
    private boolean onCore;
    /** C7: when the thread last left its core to block or wait; -1 once its next step began. */
    private long idleSince = -1;
    private long since;

    // A forced drop's pending work (G4) runs as a stint of its own; the interrupted one waits.
    private long stashedRemaining;
    private long stashedWorkDone;
    private boolean stashedInterruptible;
    private Runnable stashedDone;

    CoreStint(PyThread thread, Interpreter interpreter, Runnable onEnd) {
        this.thread = thread;
        this.interpreter = interpreter;
        this.sim = interpreter.machine().simulator();
        this.cores = interpreter.machine().cores();
        this.hasGil = interpreter.gil() != null;
        this.coldHoldingGil = interpreter.machine().os().coldStartHoldingGil();
        this.end = new Event(EventOrder.STEP, onEnd);
    }

    /**
     * Begins {@code work} of CPU time; {@code isNativeCall} marks a GIL-holding step without check
     * points, as the timeline shows it.
     */
    void start(long work, boolean holdsGil, boolean interruptible, boolean isNativeCall, Runnable done) {
        if (idleSince >= 0 && !onCore) {
            // C7: the first step after an idle spell runs cold; a GIL-holding one too when the
            // machine says so (traced: 20 to 25 us of Python after a GIL wait, the GIL held).
            if (!holdsGil || coldHoldingGil) {
                work += interpreter.coldStart(sim.now() - idleSince);
            }
            idleSince = -1;
        }
        // C14: the host's interruptions stretch the step (measured: 20 to 35 us, 250 times a second).
        work += interpreter.interruptions(work);
        remainingWork = work;
        workDone = 0;
        this.holdsGil = holdsGil;
        this.nativeCall = isNativeCall;
        this.interruptible = interruptible && hasGil;
        this.done = done;
        resume();
    }

    /** The state the thread shows while the stint runs. */
    ThreadState running() {
        return !holdsGil ? ThreadState.NATIVE_RELEASED : nativeCall ? ThreadState.HOLDING_NATIVE : ThreadState.HOLDING;
    }

    private ThreadState descheduled() {
        return holdsGil ? ThreadState.HOLDING_DESCHEDULED : ThreadState.NATIVE_DESCHEDULED;
    }

    /** Continues the stint, first asking for a core if it has none. */
    void resume() {
        if (!onCore) {
            if (!cores.request(thread)) {
                thread.setState(descheduled());
                return;
            }
            onCore = true;
        }
        since = sim.now();
        thread.setState(running());
        schedule();
    }

    void onCoreGranted() {
        onCore = true;
        since = sim.now();
        thread.setState(running());
        schedule();
    }

    void onPreempted() {
        accrue();
        sim.cancel(end);
        onCore = false;
        thread.setState(descheduled());
    }

    private void schedule() {
        long until = remainingWork;
        if (thread.dropRequested && interruptible) {
            until = Math.min(until, untilCheckPoint());
        }
        sim.schedule(end, sim.now() + until);
    }

    /** G4: check points fall every {@code checkInterval} of the step's CPU time. */
    private long untilCheckPoint() {
        long spacing = interpreter.settings().checkIntervalNanos();
        long past = workDone % spacing;
        return past == 0 ? 0 : spacing - past;
    }

    private void accrue() {
        long ran = sim.now() - since;
        workDone += ran;
        remainingWork -= ran;
        since = sim.now();
    }

    /** The stint's event fired: returns true if the work is done, false if it stopped at a check point. */
    boolean onEnd() {
        accrue();
        return remainingWork == 0;
    }

    Runnable done() {
        return done;
    }

    /** A drop request reached the holder: the stint now ends at the next check point. */
    void onDropRequested() {
        if (onCore && interruptible && end.isScheduled()) {
            accrue();
            sim.cancel(end);
            schedule();
        }
    }

    /** Gives the core back: the thread blocks or waits. */
    void leaveCore() {
        if (onCore) {
            idleSince = sim.now();
            onCore = false;
            sim.cancel(end);
            cores.release(thread);
        }
    }

    /** Puts the interrupted stint aside while a forced drop's pending work runs. */
    void stash() {
        stashedRemaining = remainingWork;
        stashedWorkDone = workDone;
        stashedInterruptible = interruptible;
        stashedDone = done;
    }

    /** Brings back the stint put aside, to resume once the thread has the GIL again. */
    void unstash() {
        remainingWork = stashedRemaining;
        workDone = stashedWorkDone;
        interruptible = stashedInterruptible;
        done = stashedDone;
        stashedDone = null;
    }
}
